package io.liqaudit.platform.http;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 records one at a time from a stream (quoted cells may hold commas, quotes as
 * "" and line breaks; CRLF or LF ends a record), so that an upload is never held whole. A cell
 * longer than {@link #MAX_CELL} characters, or a quote left open at the end, is malformed.
 */
public final class CsvRecords {

    public static final int MAX_CELL = 4096;

    /** The stream is not CSV; {@code record} is the number of the record where that was found. */
    public static final class Malformed extends IOException {
        public final long record;

        Malformed(long record, String why) {
            super("record " + record + ": " + why);
            this.record = record;
        }
    }

    private final Reader in;
    private long record;

    public CsvRecords(Reader in) {
        this.in = in;
    }

    /** The number of the record last read (1 for the first). */
    public long number() {
        return record;
    }

    /** The next record's cells, or null at the end. A blank line is a record of one empty cell. */
    public List<String> next() throws IOException {
        int c = in.read();
        if (c < 0) {
            return null;
        }
        record++;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (c < 0) {
                if (quoted) {
                    throw new Malformed(record, "a quoted cell is not closed");
                }
                cells.add(cell.toString());
                return cells;
            }
            if (quoted) {
                if (c == '"') {
                    int n = in.read();
                    if (n == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    cell.append((char) c);
                }
            } else if (c == '"' && cell.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    int n = in.read();
                    if (n != '\n' && n >= 0) {
                        throw new Malformed(record, "a CR not followed by LF");
                    }
                }
                cells.add(cell.toString());
                return cells;
            } else if (wasQuoted) {
                throw new Malformed(record, "text after a quoted cell");
            } else {
                cell.append((char) c);
            }
            if (cell.length() > MAX_CELL) {
                throw new Malformed(record, "a cell longer than " + MAX_CELL + " characters");
            }
            c = in.read();
        }
    }
}
