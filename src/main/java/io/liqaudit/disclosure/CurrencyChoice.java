package io.liqaudit.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * The currency a page's amounts are in, and how it was chosen. Amounts in different currencies are
 * never added up: when a scope's funds hold several, the page shows one at a time (the one asked
 * for, else the one with the most liquidations) and offers the others. A fund whose currency no
 * admin has stated is shown as such, never assumed.
 *
 * @param code    the currency shown (null: not stated)
 * @param options every currency the scope holds, as filter values ({@link Scope#NOT_STATED} for none stated)
 * @param mixed   whether the scope holds more than one (the page then says it shows one)
 * @param funds   the funds the page is restricted to (null: no restriction needed)
 */
public record CurrencyChoice(String code, List<String> options, boolean mixed, List<String> funds) {

    static CurrencyChoice of(String asked, List<DisclosureQueries.CurrencyShare> shares) {
        List<String> options = new ArrayList<>();
        shares.forEach(s -> options.add(value(s.code())));
        if (asked != null) {
            if (!options.contains(asked)) {
                options.add(asked);
            }
            List<String> funds = shares.stream().filter(s -> value(s.code()).equals(asked)).findFirst()
                    .map(DisclosureQueries.CurrencyShare::funds).orElse(List.of());
            return new CurrencyChoice(asked.equals(Scope.NOT_STATED) ? null : asked, options, shares.size() > 1, funds);
        }
        if (shares.size() <= 1) {
            return new CurrencyChoice(shares.isEmpty() ? null : shares.get(0).code(), options, false, null);
        }
        return new CurrencyChoice(shares.get(0).code(), options, true, shares.get(0).funds());
    }

    /** As people read it beside an amount, in brackets or after it: "USDT", or that no currency is stated. */
    public String label() {
        return code == null ? "currency not stated" : code;
    }

    /** The option as a filter value. */
    private static String value(String code) {
        return code == null ? Scope.NOT_STATED : code;
    }

    /** An option as people read it in the pick list. */
    public static String optionLabel(String value) {
        return value.equals(Scope.NOT_STATED) ? "not stated" : value;
    }
}
