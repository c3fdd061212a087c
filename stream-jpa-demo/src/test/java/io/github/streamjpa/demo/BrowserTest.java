package io.github.streamjpa.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo in headless Chromium, as a user walks it: Dev creates a pin, Eli follows Dev and sees
 * the pin in both timelines, Dev sees the notification and the unseen count drops once it is
 * opened. Every page is saved as a screenshot under {@code target/screenshots/}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} (or {@code CHROMIUM_BINARY} and
 * {@code CHROMEDRIVER_BINARY}); without them the test fails and says how to install them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserTest {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration FEED_DELAY = Duration.ofSeconds(30);

  @LocalServerPort int port;

  private ChromeDriver browser;
  private Path profile;
  private int shot;

  @BeforeEach
  void startChromium() throws IOException {
    Path chromium = executable("CHROMIUM_BINARY", "/usr/bin/chromium");
    Path chromedriver = executable("CHROMEDRIVER_BINARY", "/usr/bin/chromedriver");
    profile = Files.createTempDirectory("demo-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,900",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterEach
  void stopChromium() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  @Test
  void followerSeesNewPinInBothTimelinesAndAuthorSeesTheNotification() throws IOException {
    // Dev signs in and creates a pin; an empty title is a form error first
    signInAs("dev");
    open("/pins/new");
    screenshot("new-pin-form");
    browser.findElement(By.id("imageUrl")).sendKeys("not a url");
    clickAndWait(By.id("create-pin"));
    assertThat(text("title-error")).contains("Give the pin a title");
    assertThat(text("imageUrl-error")).contains("http:// or https://");
    screenshot("new-pin-errors");
    browser.findElement(By.id("title")).sendKeys("Evening sketch");
    WebElement imageUrl = browser.findElement(By.id("imageUrl"));
    imageUrl.clear();
    imageUrl.sendKeys(url("/images/seed/new.svg"));
    new Select(browser.findElement(By.id("boardId"))).selectByVisibleText("Sketches");
    clickAndWait(By.id("create-pin"));
    assertThat(text("notice")).contains("Pinned \u201cEvening sketch\u201d");
    screenshot("all-pins-with-new-pin");
    int unseenBefore = unseenCount();

    // Eli follows Dev and sees the pin in the flat and the aggregated timeline
    signInAs("eli");
    open("/people");
    clickAndWait(By.cssSelector("#person-dev button.follow"));
    assertThat(browser.findElement(By.cssSelector("#person-dev button.unfollow")).isDisplayed())
        .isTrue();
    screenshot("people-after-follow");
    openUntil("/timeline", () -> feedText().contains("Evening sketch"));
    assertThat(feedText()).contains("Dev Dutta pinned Evening sketch to Sketches");
    screenshot("timeline");
    openUntil("/timeline/aggregated", () -> feedText().contains("Evening sketch"));
    assertThat(feedText()).contains("Dev Dutta pinned 2 things");
    screenshot("aggregated-timeline");

    // Dev sees Eli's follow as a notification; opening it drops the unseen count
    signInAs("dev");
    openUntil("/", () -> unseenCount() > unseenBefore);
    int unseen = unseenCount();
    screenshot("unseen-notification");
    open("/notifications");
    assertThat(feedText()).contains("Eli Evans followed you");
    screenshot("notifications");
    open("/");
    assertThat(unseenCount()).isLessThan(unseen).isZero();
    screenshot("after-reading-notifications");

    // a garbage cursor is a 400 page, not a 500
    open("/timeline?cursor=%20not%20an%20id");
    assertThat(text("status")).isEqualTo("400 Bad Request");
    assertThat(text("message")).contains("cursor");
    screenshot("bad-cursor");

    open("/people/" + personId("dev"));
    assertThat(feedText()).contains("Evening sketch");
    screenshot("profile");
    open("/status");
    openUntil("/status", () -> text("pending").equals("0"));
    assertThat(text("dead")).isEqualTo("0");
    screenshot("outbox-status");

    // a seeded timeline with several people in it (the README's picture)
    signInAs("ann");
    assertThat(feedText()).contains("Bob Baker pinned", "Cleo Chen saved");
    screenshot("timeline-of-a-seeded-person");
  }

  private void signInAs(String handle) {
    open("/signin");
    clickAndWait(By.id("signin-" + handle));
    assertThat(text("signed-in-as")).isEqualTo(name(handle));
  }

  /** Clicks a button that submits a form and waits until the next page has replaced this one. */
  private void clickAndWait(By button) {
    WebElement page = browser.findElement(By.tagName("html"));
    browser.findElement(button).click();
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(driver -> !driver.findElements(By.tagName("main")).isEmpty());
  }

  private static String name(String handle) {
    return switch (handle) {
      case "ann" -> "Ann Archer";
      case "dev" -> "Dev Dutta";
      case "eli" -> "Eli Evans";
      default -> throw new IllegalArgumentException("no seeded person '" + handle + "'");
    };
  }

  private String personId(String handle) {
    open("/people");
    String href =
        browser
            .findElement(By.cssSelector("#person-" + handle + " a.name"))
            .getDomAttribute("href");
    return href.substring(href.lastIndexOf('/') + 1);
  }

  private int unseenCount() {
    return Integer.parseInt(text("unseen-count"));
  }

  private String feedText() {
    return browser.findElement(By.id("feed")).getText().replaceAll("\\s+", " ");
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText().strip();
  }

  private void open(String path) {
    browser.get(url(path));
  }

  /** Reloads a page until the condition holds: feeds are written after the commit. */
  private void openUntil(String path, Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + FEED_DELAY.toNanos();
    open(path);
    while (!condition.get()) {
      assertThat(System.nanoTime())
          .as("%s did not show the expected content within %s", path, FEED_DELAY)
          .isLessThan(deadline);
      sleep();
      open(path);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private void screenshot(String page) throws IOException {
    shot++;
    Path file = SCREENSHOTS.resolve(String.format("%02d-%s.png", shot, page));
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        file,
        StandardCopyOption.REPLACE_EXISTING);
  }

  private static Path executable(String variable, String debianPath) {
    String configured = System.getenv(variable);
    Path path = Path.of(configured == null || configured.isBlank() ? debianPath : configured);
    assertThat(Files.isExecutable(path))
        .as(
            "%s is missing: the browser test needs Chromium and its driver"
                + " (apt-get install -y chromium chromium-driver), or set %s",
            path, variable)
        .isTrue();
    return path;
  }
}
