package io.liqaudit.fund;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The insurance fund's balance chain: its liquidation events and movements in time order,
 * where each event's stated {@code balanceBefore} must equal the balance after the element
 * before it. A break is a {@code FUND_BALANCE_DISCONTINUITY} on the later event. Pure logic;
 * {@link FundChainRepository} loads and stores.
 */
public final class FundChain {

    public enum Kind { MOVEMENT, EVENT }

    /**
     * One element. For an event, {@code stated} is its {@code balanceBefore} and {@code delta} the
     * recomputed fund delta (null when unverifiable, which leaves the balance after it unknown);
     * for a movement, {@code delta} is its signed amount and {@code stated} null. Elements order
     * by time, then movements before events, then recording order.
     */
    public record Element(Kind kind, OffsetDateTime occurredAt, long ref, String reference, BigDecimal stated,
            BigDecimal delta) {
        int order() {
            return kind == Kind.MOVEMENT ? 0 : 1;
        }
    }

    /** An element with its balances; {@code expectedBefore} null means there was nothing to check against. */
    public record Link(Element element, BigDecimal expectedBefore, BigDecimal balanceBefore, BigDecimal balanceAfter,
            boolean discontinuity) {
    }

    private FundChain() {
    }

    /**
     * Walks the elements. {@code previousAfter} is the balance after the element just before the
     * first one, or null when there is none (the start of the fund: a movement then starts from 0,
     * an event's stated balance is the opening balance).
     */
    public static List<Link> walk(boolean hasPrevious, BigDecimal previousAfter, List<Element> elements) {
        List<Link> links = new ArrayList<>(elements.size());
        boolean previous = hasPrevious;
        BigDecimal running = previousAfter;
        for (Element e : elements) {
            if (e.kind() == Kind.EVENT) {
                BigDecimal expected = previous ? running : null;
                boolean broken = breaks(expected, e.stated());
                BigDecimal after = e.delta() == null ? null : e.stated().add(e.delta());
                links.add(new Link(e, expected, e.stated(), after, broken));
                running = after;
            } else {
                BigDecimal before = previous ? running : BigDecimal.ZERO;
                BigDecimal after = before == null ? null : before.add(e.delta());
                links.add(new Link(e, null, before, after, false));
                running = after;
            }
            previous = true;
        }
        return links;
    }

    /**
     * The balance an event must state, derived from its neighbourhood alone: an event's balance
     * after is its own stated balance plus its delta, whatever came before it, so what an event
     * must state depends only on the last event before it and the movements between the two. That
     * is why a late arrival changes at most its own flag and that of the next event after it,
     * and costs what it touches, not the fund's tail. Agrees with {@link #walk} (FundChainTest).
     *
     * @param previousEvent whether an event comes before it in the chain
     * @param previousAfter that event's balance after (null when it is unknown: unverifiable)
     * @param movements how many movements lie between that event (or the start) and this one
     * @param movementsTotal their signed sum
     * @return the expected balance before, or null when there is nothing to check against
     */
    public static BigDecimal expectedBefore(boolean previousEvent, BigDecimal previousAfter, long movements,
            BigDecimal movementsTotal) {
        if (previousEvent) {
            return previousAfter == null ? null : previousAfter.add(movementsTotal);
        }
        return movements > 0 ? movementsTotal : null; // a fund's first movement starts from 0
    }

    /** Whether an event stating {@code stated} breaks the chain where {@code expected} was due. */
    public static boolean breaks(BigDecimal expected, BigDecimal stated) {
        return expected != null && expected.compareTo(stated) != 0;
    }
}
