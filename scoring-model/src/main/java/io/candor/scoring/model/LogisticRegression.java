package io.candor.scoring.model;

/**
 * Logistic regression fitted by Newton–Raphson (iteratively reweighted least squares) with a small ridge penalty
 * that keeps the fit finite on separable data; the intercept is not penalised.
 */
public final class LogisticRegression {

    static final double RIDGE = 1e-3;
    static final int MAX_ITERATIONS = 50;

    private LogisticRegression() {
    }

    /** Coefficients [intercept, β1 … βp] for P(y) = 1 / (1 + e^−(β0 + Σ βj xj)). */
    public static double[] fit(double[][] x, boolean[] y) {
        int n = x.length;
        int p = x.length == 0 ? 0 : x[0].length;
        double[] beta = new double[p + 1];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[p + 1];
            double[][] hessian = new double[p + 1][p + 1];
            for (int i = 0; i < n; i++) {
                double prob = probability(beta, x[i]);
                double residual = (y[i] ? 1 : 0) - prob;
                double w = Math.max(prob * (1 - prob), 1e-10);
                gradient[0] += residual;
                hessian[0][0] += w;
                for (int j = 0; j < p; j++) {
                    double xj = x[i][j];
                    gradient[j + 1] += residual * xj;
                    hessian[0][j + 1] += w * xj;
                    for (int k = j; k < p; k++) {
                        hessian[j + 1][k + 1] += w * xj * x[i][k];
                    }
                }
            }
            for (int j = 0; j <= p; j++) {
                for (int k = 0; k < j; k++) {
                    hessian[j][k] = hessian[k][j];
                }
            }
            for (int j = 1; j <= p; j++) {
                hessian[j][j] += RIDGE * n;
                gradient[j] -= RIDGE * n * beta[j];
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int j = 0; j <= p; j++) {
                beta[j] += step[j];
                change = Math.max(change, Math.abs(step[j]));
            }
            if (change < 1e-8) {
                break;
            }
        }
        return beta;
    }

    public static double probability(double[] beta, double[] x) {
        double z = beta[0];
        for (int j = 0; j < x.length; j++) {
            z += beta[j + 1] * x[j];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Solves A·s = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        double[] v = b.clone();
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            double tv = v[col];
            v[col] = v[pivot];
            v[pivot] = tv;
            if (Math.abs(m[col][col]) < 1e-300) {
                continue;
            }
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                if (f != 0) {
                    for (int c = col; c < n; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                    v[r] -= f * v[col];
                }
            }
        }
        double[] s = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = v[r];
            for (int c = r + 1; c < n; c++) {
                sum -= m[r][c] * s[c];
            }
            s[r] = Math.abs(m[r][r]) < 1e-300 ? 0 : sum / m[r][r];
        }
        return s;
    }
}
