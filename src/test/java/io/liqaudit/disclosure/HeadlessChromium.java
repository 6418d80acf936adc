package io.liqaudit.disclosure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, driven from the command line: it loads a page as a person's
 * browser would (CSS, CSP, images), and reports the DOM, a screenshot, and every console message.
 */
final class HeadlessChromium {

    /** What loading a page produced. */
    record Load(String dom, List<String> console) {
    }

    private static final String BINARY = "/usr/bin/chromium";

    private HeadlessChromium() {
    }

    static Load load(String url, Path screenshot) throws IOException, InterruptedException {
        Files.createDirectories(screenshot.getParent());
        Run dom = run(url, "--dump-dom");
        Run shot = run(url, "--screenshot=" + screenshot.toAbsolutePath(), "--window-size=1280,2000");
        List<String> console = new ArrayList<>(dom.console());
        console.addAll(shot.console());
        return new Load(dom.stdout(), console);
    }

    private record Run(String stdout, List<String> console) {
    }

    private static Run run(String url, String... action) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(BINARY, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(action));
        command.add(url);
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish loading " + url);
        }
        List<String> console = Files.readAllLines(err, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(":CONSOLE")).toList();
        return new Run(Files.readString(out, StandardCharsets.UTF_8), console);
    }
}
