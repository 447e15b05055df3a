package io.candor.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A real headless Chromium (Debian's chromium and chromium-driver), with screenshots kept as test artifacts. */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;

    public Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        try {
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1280,900",
                    "--user-data-dir=" + Files.createTempDirectory("chromium"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Signs in on the login page of the server on {@code port} (the page must already be open or it is opened) and
     * waits for the next page.
     */
    public void signIn(int port, String tenant, String user, String password) {
        if (!driver.getCurrentUrl().contains("/login")) {
            driver.get("http://127.0.0.1:" + port + "/login");
        }
        driver.findElement(By.id("tenant")).sendKeys(tenant);
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        clickAndWait(By.id("sign-in"));
    }

    /** Clicks what submits a form or follows a link and waits for the next page to replace this one. */
    public void clickAndWait(By by) {
        WebElement e = driver.findElement(by);
        e.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> gone(e));
    }

    /**
     * Whether the element left the document: stale, or — as newer Chromium answers while the old page is being torn
     * down — "does not belong to the document", which this Selenium does not yet map to a stale element.
     */
    public static boolean gone(WebElement e) {
        try {
            e.isEnabled();
            return false;
        } catch (StaleElementReferenceException stale) {
            return true;
        } catch (WebDriverException torn) {
            if (String.valueOf(torn.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw torn;
        }
    }

    public void screenshot(String name) {
        try {
            Path dir = Path.of(System.getProperty("candor.test.artifacts", "target/test-artifacts"));
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
