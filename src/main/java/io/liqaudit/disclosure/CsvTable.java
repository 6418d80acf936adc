package io.liqaudit.disclosure;

import java.util.Optional;

/** Every table a disclosure page offers as CSV: {@code /disclosures/{page}.csv?table={table}}. */
enum CsvTable {
    INDEX_VENUES("index", "venues"),
    INDEX_SERIES("index", "series"),
    INDEX_RULES("index", "rules"),
    FUND_FLOWS("insurance-fund", "flows"),
    FUND_BALANCES("insurance-fund", "balances"),
    FUND_DRAWS("insurance-fund", "draws"),
    FUND_SHORTFALLS("insurance-fund", "shortfalls"),
    FUND_RECONCILIATION("insurance-fund", "reconciliation"),
    EXCESS_BY_POLICY("excess-equity", "by-policy"),
    EXCESS_DISTRIBUTION("excess-equity", "distribution"),
    PRICES_BY_SYMBOL("liquidation-prices", "by-symbol"),
    QUARTERLY_FIGURES("quarterly", "figures"),
    REGISTER("register", "register");

    private final String page;
    private final String table;

    CsvTable(String page, String table) {
        this.page = page;
        this.table = table;
    }

    static Optional<CsvTable> of(String page, String table) {
        for (CsvTable t : values()) {
            if (t.page.equals(page) && t.table.equals(table)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
