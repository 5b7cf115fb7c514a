# Computes the scipy oracles recorded in packages/core/test-fixtures/fit-oracles/scipy.json
# (run once by hand from the repository root: python3 packages/core/test-fixtures/fit-oracles/make-oracles.py; the project does not depend on python, the numbers are committed).
import json, numpy as np, scipy
from scipy.optimize import least_squares, curve_fit
from scipy.stats import t as student
X = np.array([0, 500, 1000, 1500, 2500, 6000, 8000, 10000, 12000.])
Y = np.array([0, 90, 160, 210, 260, 347.5, 357.5, 367.5, 377.5])
out = {"scipy": scipy.__version__, "numpy": np.__version__}

# ll3 on the article samples: y = d/(1 + (e/x)^b), x = 0 gives 0.
def ll3(x, b, e, d):
    with np.errstate(divide='ignore'):
        return np.where(x == 0, 0.0, d / (1 + (e / np.where(x == 0, 1, x)) ** b))
def ll3_grad(x, b, e, d):
    x = np.asarray(x, float); u = (e / x) ** b; den = (1 + u)
    return np.stack([-d * u * np.log(e / x) / den**2, -d * b * u / e / den**2, 1 / den], axis=-1)
p, pcov = curve_fit(ll3, X, Y, p0=[1.15, 1480, 410], xtol=1e-15, ftol=1e-15, gtol=1e-15, maxfev=100000)
res = Y - ll3(X, *p); dof = len(X) - 3; s2 = res @ res / dof
tq = student.ppf(0.975, dof)
xs = np.array([250., 1000, 5000, 15000])
g = ll3_grad(xs, *p); f = ll3(xs, *p)
se = np.sqrt(np.einsum('ij,jk,ik->i', g, pcov, g)); sp = np.sqrt(se**2 + s2)
# inverse prediction at y = 200: solve by brentq, delta method with analytic dx/dp
from scipy.optimize import brentq
y0 = 200.0
x0 = brentq(lambda x: ll3(np.array([x]), *p)[0] - y0, 1, 12000, xtol=1e-14, rtol=1e-15)
b, e, d = p; u = (e / x0) ** b
dfdx = d * b * u / x0 / (1 + u) ** 2
gx = -ll3_grad(np.array([x0]), *p)[0] / dfdx
sex = np.sqrt(gx @ pcov @ gx)
out["ll3Article"] = {"params": p.tolist(), "covariance": pcov.tolist(), "sse": float(res @ res), "bandX": xs.tolist(), "fit": f.tolist(),
  "confidenceLower": (f - tq * se).tolist(), "confidenceUpper": (f + tq * se).tolist(), "predictionLower": (f - tq * sp).tolist(), "predictionUpper": (f + tq * sp).tolist(),
  "inverse": {"y": y0, "x": x0, "stderr": sex, "interval": [x0 - tq * sex, x0 + tq * sex]}}

# Robust losses on Misra1a with one outlier (row 6 raised by 8), f_scale 0.5, from the NIST start 2.
rows = [l.split() for l in open('packages/core/test-fixtures/nist/Misra1a.dat').read().splitlines()[60:] if l.strip()]
my = np.array([float(r[0]) for r in rows]); mx = np.array([float(r[1]) for r in rows])
my_out = my.copy(); my_out[5] += 8.0
fun = lambda q: q[0] * (1 - np.exp(-q[1] * mx)) - my_out
jac = lambda q: np.stack([1 - np.exp(-q[1] * mx), q[0] * mx * np.exp(-q[1] * mx)], axis=1)
losses = {}
for loss in ['linear', 'soft_l1', 'huber', 'cauchy', 'arctan']:
    r = least_squares(fun, [250, 5e-4], jac=jac, loss=loss, f_scale=0.5, xtol=1e-15, ftol=1e-15, gtol=1e-15, max_nfev=100000, method='trf')
    losses[loss] = {"params": r.x.tolist(), "cost": float(r.cost)}
out["misra1aOutlier"] = {"row": 6, "added": 8.0, "fScale": 0.5, "start": [250, 5e-4], "losses": losses}

# Bounds: ll3 on the article samples with d <= 400 (active at the optimum), and b fixed at 1.2.
r = least_squares(lambda q: ll3(X, *q) - Y, [1.15, 1480, 390], bounds=([-np.inf, -np.inf, -np.inf], [np.inf, np.inf, 400]), xtol=1e-15, ftol=1e-15, gtol=1e-15, max_nfev=100000)
out["ll3UpperD400"] = {"params": r.x.tolist(), "sse": float(2 * r.cost)}
r = least_squares(lambda q: ll3(X, 1.2, *q) - Y, [1480, 410], xtol=1e-15, ftol=1e-15, gtol=1e-15, max_nfev=100000)
out["ll3FixB12"] = {"params": [1.2] + r.x.tolist(), "sse": float(2 * r.cost)}
json.dump(out, open('packages/core/test-fixtures/fit-oracles/scipy.json', 'w'), indent=1)
print(json.dumps(out)[:1500])
