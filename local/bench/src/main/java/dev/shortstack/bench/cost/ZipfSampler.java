package dev.shortstack.bench.cost;

import java.util.Arrays;
import java.util.Random;

/** Zipf(s) over ranks 0..n-1: inverse transform, a binary search in the cumulative weights 1/(k+1)^s. */
public final class ZipfSampler {
    private final double[] cdf;

    public ZipfSampler(int n, double s) {
        cdf = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1.0 / Math.pow(k + 1, s);
            cdf[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            cdf[k] /= sum;
        }
        cdf[n - 1] = 1.0;
    }

    public int next(Random random) {
        int index = Arrays.binarySearch(cdf, random.nextDouble());
        return index >= 0 ? index : -index - 1;
    }
}
