package io.github.streamjpa.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs every comparison, each client in a JVM of its own, rounds interleaved, and prints the {@code
 * BENCH} lines last. Arguments: the official client's class path file, then optionally {@code
 * --rounds N}, {@code --warmup MS}, {@code --measure MS}, {@code --only clients|jpa|emulator}.
 */
public final class BenchMain {
  private static final String[] CASES = {"read-1", "read-16", "add-1", "add-16"};

  private BenchMain() {}

  /** Runs the comparisons. */
  public static void main(String[] args) throws Exception {
    String officialClassPath = Files.readString(Path.of(args[0])).trim();
    int rounds = 3;
    long warmup = 1000;
    long measure = 2000;
    String only = null;
    for (int i = 1; i < args.length; i += 2) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--warmup" -> warmup = Long.parseLong(args[i + 1]);
        case "--measure" -> measure = Long.parseLong(args[i + 1]);
        case "--only" -> only = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    String ownClassPath = System.getProperty("java.class.path");
    List<String> lines = new ArrayList<>();
    if (only == null || only.equals("clients")) {
      lines.addAll(clients(ownClassPath, officialClassPath, rounds, warmup, measure));
    }
    if (only == null || only.equals("jpa")) {
      lines.addAll(worker(ownClassPath, JpaBench.class.getName()));
    }
    if (only == null || only.equals("emulator")) {
      lines.addAll(worker(ownClassPath, EmulatorBench.class.getName()));
    }
    System.out.println();
    lines.forEach(System.out::println);
  }

  private static List<String> clients(
      String ownClassPath, String officialClassPath, int rounds, long warmup, long measure)
      throws Exception {
    Map<String, String[]> clients = new LinkedHashMap<>();
    clients.put("ours", new String[] {ownClassPath, OursWorker.class.getName()});
    clients.put("okhttp", new String[] {ownClassPath, OkHttpWorker.class.getName()});
    clients.put(
        "stream-java",
        new String[] {officialClassPath, "io.github.streamjpa.bench.official.OfficialWorker"});
    // client -> case -> per-round ops/s; client -> case -> errors
    Map<String, Map<String, List<Double>>> rates = new LinkedHashMap<>();
    Map<String, Map<String, Long>> errors = new LinkedHashMap<>();
    // client -> case -> per-round CPU microseconds per call of the client's JVM
    Map<String, Map<String, List<Double>>> cpus = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(clients.keySet());
    try (CannedServer server = CannedServer.start()) {
      for (int round = 0; round < rounds; round++) {
        for (int k = 0; k < names.size(); k++) {
          // Rotate the order so no client always runs first (or last) in a round.
          String name = names.get((k + round) % names.size());
          String[] cp = clients.get(name);
          System.out.printf("round %d: %s%n", round + 1, name);
          for (String line :
              run(cp[0], cp[1], server.baseUrl(), Long.toString(warmup), Long.toString(measure))) {
            if (!line.startsWith("RESULT ")) {
              continue;
            }
            String[] f = line.split(" ");
            double rate = Double.parseDouble(f[2]);
            long errs = Long.parseLong(f[3]);
            double cpu = Double.parseDouble(f[4]);
            System.out.printf(
                Locale.ROOT,
                "  %-8s %10.1f calls/s %8.1f us CPU/call errors=%d %s%n",
                f[1],
                rate,
                cpu,
                errs,
                errs > 0 ? f[5] : "");
            rates
                .computeIfAbsent(name, n -> new LinkedHashMap<>())
                .computeIfAbsent(f[1], c -> new ArrayList<>())
                .add(rate);
            cpus.computeIfAbsent(name, n -> new LinkedHashMap<>())
                .computeIfAbsent(f[1], c -> new ArrayList<>())
                .add(cpu);
            errors.computeIfAbsent(name, n -> new LinkedHashMap<>()).merge(f[1], errs, Long::sum);
          }
        }
      }
    }
    List<String> lines = new ArrayList<>();
    for (String baseline : List.of("okhttp", "stream-java")) {
      for (String c : CASES) {
        String name = (baseline.equals("okhttp") ? "core-vs-okhttp-" : "core-vs-stream-java-") + c;
        double ours = mean(rates.get("ours").get(c));
        double base = mean(rates.get(baseline).get(c));
        lines.add(
            line(
                    name,
                    ours,
                    base,
                    "calls/s",
                    ours / base,
                    errors.get("ours").get(c) + "/" + errors.get(baseline).get(c))
                + String.format(
                    Locale.ROOT,
                    " cpu_us_per_call=%.1f/%.1f",
                    mean(cpus.get("ours").get(c)),
                    mean(cpus.get(baseline).get(c))));
      }
    }
    return lines;
  }

  static String line(
      String name, double ours, double baseline, String unit, double ratio, String errors) {
    return String.format(
        Locale.ROOT,
        "BENCH %s ours=%.1f %s baseline=%.1f %s ratio=%.2f errors=%s",
        name,
        ours,
        unit,
        baseline,
        unit,
        ratio,
        errors);
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  /** Runs a worker JVM, echoing its progress; returns its BENCH lines. */
  private static List<String> worker(String classPath, String mainClass) throws Exception {
    List<String> bench = new ArrayList<>();
    for (String line : run(classPath, mainClass)) {
      if (line.startsWith("BENCH ")) {
        bench.add(line);
      }
    }
    return bench;
  }

  private static List<String> run(String classPath, String mainClass, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx1g");
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add("-Dorg.jboss.logging.provider=slf4j");
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.add(line);
        if (!line.startsWith("RESULT ")) {
          System.out.println("  " + line);
        }
      }
    }
    int code = p.waitFor();
    if (code != 0) {
      throw new IllegalStateException(mainClass + " exited with " + code);
    }
    return out;
  }
}
