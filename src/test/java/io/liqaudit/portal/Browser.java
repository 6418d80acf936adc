package io.liqaudit.portal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Debian's chromedriver (WebDriver): it types and clicks, keeps its
 * cookies, and sends exactly what a person's browser sends. Nothing is downloaded at run time.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final String base;
    private final Path downloads;

    public Browser(String base) throws IOException {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.downloads = Files.createTempDirectory("chromium-downloads");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        // Console messages (script errors, refused resources, CSP reports) are kept for consoleMessages().
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /**
     * Clicks the link with this text to download a file, as a person does, and answers the file
     * Chromium saved once it is complete (Chromium writes a .crdownload file until then).
     */
    public Path download(String linkText) throws IOException, InterruptedException {
        driver.findElement(By.linkText(linkText)).click();
        for (int i = 0; i < 100; i++) {
            try (var files = Files.list(downloads)) {
                var done = files.filter(f -> !f.getFileName().toString().endsWith(".crdownload")).findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
            }
            Thread.sleep(100);
        }
        throw new IOException("no download finished within 10 s");
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** Types into the field labelled {@code label}, as a person does: click it, then key by key. */
    public Browser type(String label, String text) {
        WebElement field = driver.findElement(By.xpath("//label[normalize-space(.)='" + label + "']"));
        WebElement input = driver.findElement(By.id(field.getAttribute("for")));
        input.click();
        input.clear();
        input.sendKeys(text);
        return this;
    }

    /** Clicks the button with this text and waits for the page it leads to (the old page goes stale). */
    public Browser click(String buttonText) {
        WebElement button = driver.findElement(By.xpath("//button[starts-with(normalize-space(.), '" + buttonText + "')]"));
        WebElement page = driver.findElement(By.tagName("html"));
        button.click();
        awaitNext(page);
        return this;
    }

    private void awaitNext(WebElement page) {
        // The old page is gone once asking about its root fails: chromedriver says "stale element" or,
        // mid-swap, "node does not belong to the document"; either means the next page is loading.
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
    }

    /** Follows the link with this text, as a person clicks it. */
    public Browser follow(String linkText) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(By.partialLinkText(linkText)).click();
        awaitNext(page);
        return this;
    }

    /** Picks the option with this text in the list labelled {@code label}. */
    public Browser choose(String label, String option) {
        WebElement field = driver.findElement(By.xpath("//label[normalize-space(.)='" + label + "']"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id(field.getAttribute("for"))))
                .selectByVisibleText(option);
        return this;
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String title() {
        return driver.getTitle();
    }

    public List<String> cookieNames() {
        return driver.manage().getCookies().stream().map(org.openqa.selenium.Cookie::getName).toList();
    }

    /** Screenshots at desktop and phone width, kept under target/screenshots for a person to look at. */
    public void screenshots(String name) throws IOException {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        for (int width : new int[] {1280, 390}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            Files.write(dir.resolve(name + "-" + width + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        }
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /** Whether the page is wider than the window (a horizontal scroll bar). */
    public boolean overflows() {
        Object wide = driver.executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1");
        return Boolean.TRUE.equals(wide);
    }

    /** The console messages logged since the last call (each once), as "LEVEL message". */
    public List<String> consoleMessages() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
