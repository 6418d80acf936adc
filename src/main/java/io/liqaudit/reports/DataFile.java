package io.liqaudit.reports;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One file of a package as it is written: its bytes go to disk (never held whole) through a
 * SHA-256, and its rows are counted, for the manifest.
 */
final class DataFile implements AutoCloseable {

    /** A written file as the manifest lists it. */
    record Fact(String name, long bytes, long rows, String sha256) {
    }

    private final Path path;
    private final MessageDigest digest;
    private final OutputStream out;
    private long bytes;
    private long rows;

    DataFile(Path path) throws IOException {
        this.path = path;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        this.out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16), digest);
    }

    /** Text that is not a row (a header). */
    void text(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b);
        bytes += b.length;
    }

    /** Bytes that are not rows (a PDF). */
    void bytes(byte[] b) throws IOException {
        out.write(b);
        bytes += b.length;
    }

    void row(String line) throws IOException {
        text(line);
        rows++;
    }

    Path path() {
        return path;
    }

    Fact fact() {
        return new Fact(path.getFileName().toString(), bytes, rows, HexFormat.of().formatHex(digest.digest()));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
