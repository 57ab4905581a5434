package dev.jwtsecured.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws BENCHMARKS.md's charts from the benchmark results, as PNG files: {@code peers.csv} (bench/peers.sh) gives
 * throughput and p99 latency per peer; {@code verify.json} (JMH's JSON of {@code VerifyBenchmark}) gives the cost of
 * one verification per implementation; {@code build-time.csv} ({@link BuildTime}) gives the compile time as
 * {@code exclude} patterns grow, which is where exclusion costs anything since it is decided at compile time. A
 * missing input skips its charts and says so.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.jwtsecured.bench.Charts [results directory] [charts directory]}
 */
public final class Charts {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 500;

  private Charts() {}

  public static void main(String[] args) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Path results = Path.of(args.length > 0 ? args[0] : "bench/results");
    Path charts = Path.of(args.length > 1 ? args[1] : "bench/charts");
    Files.createDirectories(charts);
    Path peers = results.resolve("peers.csv");
    if (Files.exists(peers)) {
      peerCharts(Files.readAllLines(peers), charts);
    } else {
      System.out.println("no " + peers + ": run bench/peers.sh");
    }
    Path verify = results.resolve("verify.json");
    if (Files.exists(verify)) {
      verificationChart(new ObjectMapper().readTree(verify.toFile()), charts);
    } else {
      System.out.println("no " + verify + ": run the VerifyBenchmark suite with -rf json -rff " + verify);
    }
    Path buildTime = results.resolve("build-time.csv");
    if (Files.exists(buildTime)) {
      exclusionChart(Files.readAllLines(buildTime), charts);
    } else {
      System.out.println("no " + buildTime + ": run BuildTime");
    }
  }

  /**
   * {@code peer,route,round,connections,requests_per_s,p50_ms,p99_ms} rows; each bar is the median round of its peer
   * and route (the lower of an even count), as bench/peers.sh's table.
   */
  static void peerCharts(List<String> csv, Path charts) throws IOException {
    Map<String, List<String[]>> rounds = new LinkedHashMap<>();
    for (String line : csv.subList(1, csv.size())) {
      String[] f = line.split(",");
      rounds.computeIfAbsent(f[0] + "," + f[1], k -> new ArrayList<>()).add(f);
    }
    DefaultCategoryDataset throughput = new DefaultCategoryDataset();
    DefaultCategoryDataset p99 = new DefaultCategoryDataset();
    for (List<String[]> all : rounds.values()) {
      all.sort(Comparator.comparingDouble(f -> Double.parseDouble(f[4])));
      String[] f = all.get((all.size() - 1) / 2);
      String route = f[1].equals("authenticated") ? "GET /admin with a token" : "GET /health, open";
      throughput.addValue(Double.parseDouble(f[4]), route, f[0]);
      p99.addValue(Double.parseDouble(f[6]), route, f[0]);
    }
    write(bars("HTTP throughput, wrk -t1 -c8 on loopback (higher is better)", "requests/s", throughput, "#,##0"),
        charts.resolve("peers-throughput.png"));
    write(bars("p99 latency, wrk -t1 -c8 on loopback (lower is better)", "milliseconds", p99, "0.00"),
        charts.resolve("peers-p99.png"));
  }

  /** One bar per {@code VerifyBenchmark} method: its mean time per verification. */
  static void verificationChart(JsonNode jmh, Path charts) throws IOException {
    DefaultCategoryDataset cost = new DefaultCategoryDataset();
    for (JsonNode run : jmh) {
      String name = run.get("benchmark").asText();
      if (!name.contains("VerifyBenchmark.")) {
        continue;
      }
      String method = name.substring(name.lastIndexOf('.') + 1);
      cost.addValue(run.get("primaryMetric").get("score").asDouble(), "ns per token", method);
    }
    JFreeChart chart = bars("One HS256 verification per implementation (lower is better)", "nanoseconds", cost,
        "#,##0");
    CategoryAxis axis = chart.getCategoryPlot().getDomainAxis();
    axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    chart.removeLegend();
    write(chart, charts.resolve("verification.png"));
  }

  /** {@code exclude_patterns,with_ms,extra_round_ms,without_ms} rows: one line per compilation variant. */
  static void exclusionChart(List<String> csv, Path charts) throws IOException {
    XYSeries with = new XYSeries("with the jwtsecured processor");
    XYSeries extra = new XYSeries("with a processor that writes one empty class");
    XYSeries without = new XYSeries("without a processor");
    for (String line : csv.subList(1, csv.size())) {
      String[] f = line.split(",");
      double patterns = Double.parseDouble(f[0]);
      with.add(patterns, Double.parseDouble(f[1]));
      extra.add(patterns, Double.parseDouble(f[2]));
      without.add(patterns, Double.parseDouble(f[3]));
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(with);
    data.addSeries(extra);
    data.addSeries(without);
    JFreeChart chart = ChartFactory.createXYLineChart(
        "Compile time of 200 resources as exclude patterns grow (per request: none)", "exclude patterns",
        "milliseconds, one javac process", data, PlotOrientation.VERTICAL, true, false, false);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    chart.getXYPlot().setRenderer(renderer);
    ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(true);
    write(chart, charts.resolve("exclusion-build-time.png"));
  }

  private static JFreeChart bars(String title, String valueAxis, DefaultCategoryDataset data, String format) {
    JFreeChart chart = ChartFactory.createBarChart(title, null, valueAxis, data, PlotOrientation.VERTICAL, true,
        false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat(format)));
    renderer.setDefaultItemLabelsVisible(true);
    return chart;
  }

  private static void write(JFreeChart chart, Path file) throws IOException {
    ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    System.out.println("wrote " + file);
  }
}
