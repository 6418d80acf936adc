package io.liqaudit.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The bytes of an evidence bundle and back: named text files in a ZIP, with a {@code SHA256SUMS}
 * file in the format {@code sha256sum -c} reads. The same files make the same bytes (fixed order,
 * fixed entry times), so a bundle's SHA-256 names its content.
 */
public final class BundleFiles {

    public static final String SUMS = "SHA256SUMS";

    private static final HexFormat HEX = HexFormat.of();
    /** Entry times carry no information here, and a fixed one keeps the bytes a function of the content. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
    /** Far above any real bundle (a few kilobytes): a larger entry is not one of ours. */
    private static final int MAX_ENTRY_BYTES = 16 * 1024 * 1024;

    private BundleFiles() {
    }

    /** A ZIP of {@code files} in their order, followed by their SHA256SUMS. */
    public static byte[] zip(Map<String, String> files) {
        StringBuilder sums = new StringBuilder();
        files.forEach((name, text) -> sums.append(sha256Hex(text.getBytes(StandardCharsets.UTF_8))).append("  ")
                .append(name).append('\n'));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                put(zip, f.getKey(), f.getValue());
            }
            put(zip, SUMS, sums.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** The files of a ZIP by name, in the order stored; refuses one that repeats a name or is too large. */
    public static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] content = zip.readNBytes(MAX_ENTRY_BYTES + 1);
                if (content.length > MAX_ENTRY_BYTES) {
                    throw new IOException(e.getName() + " is larger than any evidence file");
                }
                if (files.put(e.getName(), content) != null) {
                    throw new IOException("the bundle holds " + e.getName() + " twice");
                }
            }
        }
        return files;
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
