package dev.eskit.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.eskit.support.Api.Response;
import dev.eskit.support.Api.Role;
import dev.eskit.support.ApiTest;
import dev.eskit.support.H2Test;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The console in a real browser (Debian's chromium through chromium-driver), as an operator uses
 * it. Skipped where no chromium-driver is installed, unless ESKIT_REQUIRE_BROWSER is set (CI sets
 * it). Saves screenshots to {@code console.screenshots} (default {@code target/console-screenshots};
 * the README's come from {@code -Dconsole.screenshots=../docs/console}).
 */
@H2Test
class ConsoleBrowserTest extends ApiTest {

    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        boolean installed = Files.isExecutable(DRIVER) && Files.isExecutable(BROWSER);
        if (System.getenv("ESKIT_REQUIRE_BROWSER") == null) {
            assumeTrue(installed, "chromium and chromium-driver are not installed");
        }
        assertThat(installed).as("chromium and chromium-driver").isTrue();
        ChromeOptions options = new ChromeOptions()
                .setBinary(BROWSER.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1440,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorFindsAStreamTailsTheLogReplaysAProjectionAndRetriesADeadLetter() throws IOException {
        String partition = uniquePartition();
        String stream = partition.toLowerCase() + "-order-1";
        appendOk(stream, "no_stream", List.of(event(partition + ".Placed", Map.of("total", 42, "currency", "EUR"))));
        String entityType = uniquePartition();
        createEntity(entityType, "poisoned", "{\"name\":\"Lamp\",\"price\":30}");
        String fault = "fault_" + entityType.toLowerCase();
        jdbc.execute("ALTER TABLE entity_view ADD CONSTRAINT " + fault + " CHECK (type <> '" + entityType + "' OR version < 2)");
        patch(entityType, "poisoned", 1, "{\"price\":25,\"colour\":\"teal\"}");
        patch(entityType, "poisoned", 2, "{\"name\":\"Desk lamp\",\"price\":null}");

        logIn("admin", "admin-dev");
        waitFor(By.cssSelector("#overview table tbody tr"));
        // the rate needs two samples of the head: the tile fills at the first refresh, two seconds on
        await().atMost(PATIENCE).ignoreExceptions().until(() -> !browser.findElement(By.id("rate")).getText().equals("…"));
        screenshot("overview");

        // a stream found by its prefix, and its event opened
        open("/console/streams");
        browser.findElement(By.id("prefix")).sendKeys(partition.toLowerCase());
        // the results are swapped as the prefix is typed: a link found just before a swap goes stale
        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            browser.findElement(By.linkText(stream)).click();
            return true;
        });
        await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().endsWith("/console/streams/" + stream));
        WebElement details = waitFor(By.cssSelector("table.events details"));
        details.findElement(By.tagName("summary")).click();
        assertThat(details.findElement(By.cssSelector("pre.json")).getText()).contains("\"total\" : 42", "\"currency\" : \"EUR\"");

        // the live tail shows what is appended now; paused, it misses nothing once resumed
        open("/console/log?selector=" + partition + ".*");
        waitFor(By.id("tail-pause"));
        await().atMost(PATIENCE).until(() -> (Boolean) browser.executeScript(
                "return htmx.find('[sse-connect]')['htmx-internal-data'].sseEventSource.readyState === 1"));
        appendOk(stream, 1, List.of(event(partition + ".Shipped", Map.of("carrier", "DHL"))));
        await().atMost(PATIENCE).until(() -> tailText().contains(partition + ".Shipped"));
        browser.findElement(By.id("tail-pause")).click();
        waitFor(By.id("tail-resume"));
        appendOk(stream, 2, List.of(event(partition + ".Delivered", Map.of())));
        assertThat(tailText()).doesNotContain(partition + ".Delivered");
        browser.findElement(By.id("tail-resume")).click();
        await().atMost(PATIENCE).until(() -> tailText().contains(partition + ".Delivered"));
        assertThat(browser.findElements(By.cssSelector("#tail-rows tr"))).hasSize(2);
        screenshot("log-explorer");

        // an entity's history: each version's field changes, and the document as of the first
        open("/console/entities/" + entityType + "/poisoned");
        assertThat(waitFor(By.cssSelector(".timeline li[data-version='3']")).getText()).contains("/name", "Desk lamp");
        screenshot("entity-history");
        browser.findElement(By.cssSelector(".timeline li[data-version='1'] a")).click();
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElement(By.id("document")).getText().contains("\"price\" : 30"));

        // a replay from the processors page, its progress bar to 100 %
        open("/console/processors");
        WebElement replay = waitFor(By.cssSelector("#processor-gatherings button.replay"));
        replay.click();
        browser.switchTo().alert().accept();
        // the row replaces itself every half second: an element found just before a swap goes stale
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElement(By.id("processor-gatherings")).getText().contains("100 %"));
        assertThat(browser.findElement(By.cssSelector("#processor-gatherings progress")).getAttribute("value")).isEqualTo("100");

        // the dead letter, retried once the fault is gone, leaves the list
        String sequence = "entity:" + entityType + ":poisoned";
        open("/console/dead-letters");
        await().atMost(PATIENCE).until(() -> {
            browser.navigate().refresh();
            return letters(sequence).size() == 2;
        });
        jdbc.execute("ALTER TABLE entity_view DROP CONSTRAINT " + fault);
        letters(sequence).get(0).findElement(By.cssSelector("button.retry")).click();
        browser.switchTo().alert().accept();
        await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElement(By.cssSelector("#letters .notice")).getText().contains("went through"));
        assertThat(letters(sequence)).isEmpty();
        assertThat(api.get(Role.READER, "/api/v1/entities/" + entityType + "?limit=200").json().get("items").toString())
                .contains("Desk lamp");
    }

    private void logIn(String name, String password) {
        open("/console");
        waitFor(By.name("username")).sendKeys(name);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        // back to the page asked for (Spring Security marks it ?continue)
        await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().matches(".*/console(\\?continue)?"));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private WebElement waitFor(By locator) {
        return await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElement(locator), element -> element.isDisplayed());
    }

    private String tailText() {
        return browser.findElement(By.id("tail-rows")).getText();
    }

    private List<WebElement> letters(String sequence) {
        return browser.findElements(By.xpath("//tr[contains(@class,'letter')][td[text()='" + sequence + "']]"));
    }

    private void screenshot(String name) throws IOException {
        Path directory = Path.of(System.getProperty("console.screenshots", "target/console-screenshots"));
        Files.createDirectories(directory);
        browser.manage().window().setSize(new Dimension(1440, 1000));
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void createEntity(String type, String id, String json) {
        Response created = api.send(api.request(Role.WRITER, "/api/v1/entities/" + type + "/" + id)
                .header("Content-Type", "application/json").header("If-None-Match", "*").PUT(BodyPublishers.ofString(json)));
        assertThat(created.status()).isEqualTo(201);
    }

    private void patch(String type, String id, long version, String json) {
        Response patched = api.send(api.request(Role.WRITER, "/api/v1/entities/" + type + "/" + id)
                .header("Content-Type", "application/merge-patch+json").header("If-Match", "\"" + version + "\"")
                .method("PATCH", BodyPublishers.ofString(json)));
        assertThat(patched.status()).isEqualTo(200);
    }
}
