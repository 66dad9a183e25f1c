import Foundation

/// The exact conditional test for a rise in a Poisson rate (Przyborowski & Wilenski 1940): given
/// `n = n1 + n2` events, under "the rate did not change" the current window's share is
/// `n2 ~ Binomial(n, t2 / (t1 + t2))`, where `t1`, `t2` are the windows' exposures (durations).
/// The one-sided p-value of "the rate rose" is the binomial upper tail `P(X ≥ n2)`.
///
/// Exact for any counts (no normal approximation), so a handful of events in a short window is
/// judged as fairly as millions.
enum PoissonRateTest {
    /// `P(X ≥ n2)`, `X ~ Binomial(n1 + n2, t2 / (t1 + t2))`; 1 when `n2` is 0.
    static func pValueIncrease(baselineCount n1: Int, baselineExposure t1: Double,
                               currentCount n2: Int, currentExposure t2: Double) -> Double {
        precondition(n1 >= 0 && n2 >= 0 && t1 > 0 && t2 > 0)
        guard n2 > 0 else { return 1 }
        let p = t2 / (t1 + t2)
        return binomialUpperTail(atLeast: n2, trials: n1 + n2, probability: p)
    }

    /// `P(X ≥ k)` for `X ~ Binomial(n, p)`, which is the regularized incomplete beta `I_p(k, n − k + 1)`.
    static func binomialUpperTail(atLeast k: Int, trials n: Int, probability p: Double) -> Double {
        if k <= 0 { return 1 }
        if k > n { return 0 }
        if p <= 0 { return 0 }
        if p >= 1 { return 1 }
        return regularizedIncompleteBeta(a: Double(k), b: Double(n - k + 1), x: p)
    }

    /// `I_x(a, b)` by the continued fraction (modified Lentz), on whichever side of the mean it
    /// converges fast, with the complement taken on the other.
    static func regularizedIncompleteBeta(a: Double, b: Double, x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        if x < (a + 1) / (a + b + 2) {
            return min(1, max(0, exp(logFront) * continuedFraction(a: a, b: b, x: x) / a))
        }
        return min(1, max(0, 1 - exp(logFront) * continuedFraction(a: b, b: a, x: 1 - x) / b))
    }

    private static func continuedFraction(a: Double, b: Double, x: Double) -> Double {
        let tiny = 1e-300, epsilon = 1e-15
        let maximumIterations = 10_000 + Int(min(1e7, (a + b).squareRoot() * 20))
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...maximumIterations {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            result *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return result
    }
}
