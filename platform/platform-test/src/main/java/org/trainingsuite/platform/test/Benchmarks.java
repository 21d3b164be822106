package org.trainingsuite.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * What the benchmarks under {@code bench/} share: timing a piece of work with the peak heap it reached, and
 * writing the report where the bench script asked ({@code -Dbench.out}).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    /** The outcome of a measured piece of work. */
    public record Run<T>(T result, double seconds, long peakHeapMiB, long maxHeapMiB) {
    }

    /** Runs {@code work} after a GC, with the heap pools' peaks reset: its time and the peak heap while it ran. */
    public static <T> Run<T> measure(Callable<T> work) throws Exception {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        T result = work.call();
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Run<>(result, seconds, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Prints the report and writes it to {@code -Dbench.out}, else to {@code defaultFile}. */
    public static void report(String report, String defaultFile) {
        System.out.println(report);
        Path out = Path.of(System.getProperty("bench.out", defaultFile));
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
