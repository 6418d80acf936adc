package io.liqaudit.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The body of a report manifest's signed note: the log's origin with "/report-manifest", then the
 * manifest's SHA-256. Signed with the log's key in the same signed-note form as checkpoints, so
 * one public key checks both. No framework imports: the offline verifier uses it as it is.
 */
public final class ManifestNote {

    private ManifestNote() {
    }

    public static String body(String origin, String manifestSha256) {
        return origin + "/report-manifest\n" + "sha256 " + manifestSha256 + "\n";
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static byte[] sha256Bytes(Path file) throws IOException {
        MessageDigest d = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                d.update(buf, 0, n);
            }
        }
        return d.digest();
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
