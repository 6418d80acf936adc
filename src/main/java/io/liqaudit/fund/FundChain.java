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
                boolean broken = expected != null && expected.compareTo(e.stated()) != 0;
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
}
