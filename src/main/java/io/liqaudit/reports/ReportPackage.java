package io.liqaudit.reports;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The ZIP of a report run: its files in a fixed order with fixed entry times, copied from disk as
 * a stream, so the same files make the same bytes and a package of any size costs little memory.
 */
final class ReportPackage {

    /** Entry times carry no information here; a fixed one keeps the bytes a function of the content. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private ReportPackage() {
    }

    static void write(Path zip, List<Path> files) throws IOException {
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(zip), 1 << 16);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (Path f : files) {
                ZipEntry entry = new ZipEntry(f.getFileName().toString());
                entry.setTimeLocal(ENTRY_TIME);
                out.putNextEntry(entry);
                try (InputStream in = Files.newInputStream(f)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }
}
