package io.hivemind.e2e;

import io.hivemind.testkit.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium, driven as a person would: type the key, follow the links,
 * press the buttons. The browser and its driver are the Debian packages test-kit's {@link
 * HeadlessChromium} installs on first use; their paths are given, so Selenium Manager never looks
 * for (or downloads) either.
 */
final class Dashboard implements AutoCloseable {

  static final Dimension DESKTOP = new Dimension(1280, 900);
  static final Dimension PHONE = new Dimension(390, 844);

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final String base;
  private final Path profile;
  private final ChromeDriver driver;

  private Dashboard(String base, Path profile, ChromeDriver driver) {
    this.base = base;
    this.profile = profile;
    this.driver = driver;
  }

  /** A fresh browser (its own profile) on the dashboard at {@code base}, desktop-sized. */
  static Dashboard open(String base) throws IOException {
    Path chromium = HeadlessChromium.ensureInstalled();
    Path chromedriver = HeadlessChromium.ensureDriverInstalled();
    Path profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=" + DESKTOP.width + "," + DESKTOP.height,
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
    return new Dashboard(base, profile, driver);
  }

  /** Loads the page and signs in with {@code key}; returns once the fleet view is shown. */
  Dashboard signIn(String key) {
    driver.get(base + "/");
    WebElement field = await(By.id("api-key"));
    field.clear();
    field.sendKeys(key);
    driver.findElement(By.id("sign-in")).click();
    awaitVisible(By.id("view-fleet"));
    return this;
  }

  void signOut() {
    driver.findElement(By.id("sign-out")).click();
    awaitVisible(By.id("view-sign-in"));
  }

  /** Follows the navigation link to a view ({@code fleet}, {@code me}, …) and waits for it. */
  void go(String view) {
    driver.findElement(By.cssSelector("#nav a[data-view='" + view + "']")).click();
    awaitVisible(By.id("view-" + view));
  }

  void resize(Dimension size) {
    driver.manage().window().setSize(size);
  }

  /** The text of the element with this id, as shown. */
  String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  List<String> texts(By by) {
    return driver.findElements(by).stream().map(WebElement::getText).toList();
  }

  WebElement find(By by) {
    return driver.findElement(by);
  }

  WebElement await(By by) {
    return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
  }

  WebElement awaitVisible(By by) {
    return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  Object script(String javascript, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(javascript, args);
  }

  String url() {
    return driver.getCurrentUrl();
  }

  String source() {
    return driver.getPageSource();
  }

  /** Saves what the window shows to {@code target/screenshots/<name>.png}. */
  Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Path saved = SCREENSHOTS.resolve(name + ".png");
    Files.copy(taken, saved, StandardCopyOption.REPLACE_EXISTING);
    Files.delete(taken);
    return saved;
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var paths = Files.walk(profile)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
