"""The REML likelihood of a linear mixed model with random intercepts only, computed for every unit at once.

statsmodels' ``MixedLM.loglike`` loops over the units in Python and solves each unit's system through the
Sherman-Morrison-Woodbury identity (``_smw_solver``): on a 20-council survey (a random intercept per council and
variance components for respondents and for each wave within councils) one evaluation cost about 14 ms, and its
fit and the Powell polish that :func:`impact.stats._models._fit_mixed` needs after it took 327 of them (speed13).
Here the component with the most levels (the respondents of a survey) is inverted in closed form, block by block,
and the few other columns (the random intercept, the waves within a council) through the Sherman-Morrison-Woodbury
identity, from ``B'B`` and ``L'B`` formed once per unit: each evaluation is a few small stacked products over all
units at once, about 0.4 ms on that survey (:class:`StackedREML`; forming each unit's covariance densely was tried
and was 25 times slower).

The variance parameters are the random intercept's variance and the variance components', each relative to the
residual variance (statsmodels' ``cov_re_unscaled`` and unscaled ``vcomp``), with the residual variance and the
fixed effects profiled out, as statsmodels does; the log-likelihood is statsmodels' to rounding
(tests/test_stats_round17.py), including its constant. It is maximised over the box ``theta >= 0`` with L-BFGS-B
and the exact gradient, so a variance whose maximum is on the boundary (zero) is reached exactly, where a gradient
optimiser in statsmodels' square-root parameters stops short (the gradient in a square root vanishes at zero).
"""

from __future__ import annotations

import numpy as np
from scipy import optimize

__all__: list[str] = []

#: The relative variance handed to statsmodels for a component estimated at exactly zero, whose log-likelihood is not
#: defined there (it takes the logarithm of each variance): 1e-10 of the residual variance.
BOUNDARY_FLOOR = 1e-10


class StackedREML:
    """REML log-likelihood and gradient of a random-intercept `MixedLM`, every unit at once.

    Relative to the residual variance, unit ``g``'s covariance is ``V_g = D_g + Z_g S^2 Z_g'`` with
    ``D_g = I + theta_D L_g L_g'``: ``L_g`` the indicators of the variance component with the most levels (the
    respondents of a survey), each row in one level, so ``D_g`` is block diagonal with
    ``D_g^-1 = I - L_g diag(theta_D / (1 + theta_D m_l)) L_g'`` (``m_l`` the rows of level ``l``); and ``Z_g`` the
    few other columns (the random intercept and the other components' indicators, such as the waves within a
    council), ``S^2`` their relative variances. By Sherman-Morrison-Woodbury, with ``K = B' D^-1 B`` for
    ``B = [X, y, Z]`` and ``A = I + S Z' D^-1 Z S``: ``B' V^-1 B = K - K_.z S A^-1 S K_z.`` and
    ``log det V = sum_l log(1 + theta_D m_l) + log det A``. ``B'B`` and ``L'B`` are formed once, so each evaluation
    costs a few small stacked products, however many respondents a unit has; units are padded to the same number
    of levels and columns with zeros, which add nothing. The gradient is analytic:
    ``d l / d theta_k = -tr(P M_k) / 2 + (n - p) (y' P M_k P y) / (2 y' P y)`` with ``M_k = dV / d theta_k``.
    """

    def __init__(self, model, big: int | None) -> None:
        units = len(model.endog_li)
        p = model.exog.shape[1]
        lowrank = [j for j in range(int(model.k_vc)) if j != big]
        widths = [[_dense(model.exog_vc.mats[j][g]).shape[1] for g in range(units)] for j in lowrank]
        q = 1 + sum(max(w) for w in widths)
        levels = max(_dense(model.exog_vc.mats[big][g]).shape[1] for g in range(units)) if big is not None else 1
        r = p + 1 + q
        self.gram = np.zeros((units, r, r))
        self.level_sums = np.zeros((units, levels, r))
        self.counts = np.zeros((units, levels))
        self.column_of = np.zeros(q, dtype=int)  # the component of each Z column: 0 the intercept, 1.. lowrank
        offset = 1
        for i, w in enumerate(widths):
            self.column_of[offset:offset + max(w)] = 1 + i
            offset += max(w)
        for g in range(units):
            y = np.asarray(model.endog_li[g], dtype="float64")
            b = np.zeros((len(y), r))
            b[:, :p] = np.asarray(model.exog_li[g], dtype="float64")
            b[:, p] = y
            b[:, p + 1] = np.asarray(model.exog_re_li[g], dtype="float64")[:, 0]
            offset = p + 2
            for j, w in zip(lowrank, widths):
                b[:, offset:offset + w[g]] = _dense(model.exog_vc.mats[j][g])
                offset += max(w)
            self.gram[g] = b.T @ b
            if big is not None:
                ind = _dense(model.exog_vc.mats[big][g])
                self.level_sums[g, :ind.shape[1]] = ind.T @ b
                self.counts[g, :ind.shape[1]] = ind.sum(axis=0)
        self.p, self.q, self.big, self.lowrank = p, q, big, lowrank
        self.order = [0, *[1 + j for j in lowrank]] + ([1 + big] if big is not None else [])
        self.df = int(sum(len(y) for y in model.endog_li)) - p
        self.constant = self.df * (np.log(self.df) - np.log(2 * np.pi) - 1) / 2

    @classmethod
    def of(cls, model) -> StackedREML | None:
        """For `model`, or None where it is not one this computes: more than one random-effects column (a random
        slope), no fixed effects, or components whose indicators are not 0/1 with at most one 1 a row."""
        if model.k_re != 1 or model.exog.shape[1] == 0:
            return None
        if sum(len(y) for y in model.endog_li) <= model.exog.shape[1]:
            return None  # no residual degree of freedom: no REML likelihood (log 0), statsmodels' own path decides
        big, most = None, 0
        for j in range(int(model.k_vc)):
            mats = [_dense(m) for m in model.exog_vc.mats[j]]
            if not all(np.all((m == 0) | (m == 1)) and np.all(m.sum(axis=1) <= 1) for m in mats):
                return None
            width = sum(m.shape[1] for m in mats)
            if width > most:
                big, most = j, width
        return cls(model, big)

    def _split(self, theta):
        """theta in statsmodels' order (intercept, then each component) -> (theta_D, the Z columns' variances)."""
        theta = np.asarray(theta, dtype="float64")
        theta_d = theta[1 + self.big] if self.big is not None else 0.0
        lowrank = np.concatenate([[theta[0]], theta[[1 + j for j in self.lowrank]]])
        return theta_d, lowrank[self.column_of]

    def loglike(self, theta, gradient: bool = False):
        """statsmodels' REML log-likelihood at relative variances `theta` (the intercept's, then each component's in
        the model's order), and its gradient in `theta` when asked."""
        theta_d, var = self._split(theta)
        if theta_d < 0 or np.any(var < 0):
            return (-np.inf, np.full(len(theta), np.nan)) if gradient else -np.inf
        p, q = self.p, self.q
        z = slice(p + 1, p + 1 + q)
        shrink = 1 + theta_d * self.counts  # units x levels
        f = theta_d / shrink
        k = self.gram - (self.level_sums * f[..., None]).transpose(0, 2, 1) @ self.level_sums
        s = np.sqrt(var)
        a = np.eye(q) + s[:, None] * k[:, z, z] * s[None, :]
        sign_a, logdet_a = np.linalg.slogdet(a)
        a_inv = np.linalg.inv(a)
        ks = k[:, :, z] * s  # K_.z S, units x r x q
        vb = k - ks @ a_inv @ ks.transpose(0, 2, 1)  # B' V^-1 B
        xwx = vb[:, :p, :p].sum(axis=0)
        xwy = vb[:, :p, p].sum(axis=0)
        sign_x, logdet_x = np.linalg.slogdet(xwx)
        if np.any(sign_a <= 0) or sign_x <= 0:
            return (-np.inf, np.full(len(theta), np.nan)) if gradient else -np.inf
        c = np.linalg.inv(xwx)
        beta = c @ xwy
        qf = float(vb[:, p, p].sum() - xwy @ beta)
        if not qf > 0:
            return (-np.inf, np.full(len(theta), np.nan)) if gradient else -np.inf
        logdet = np.log(shrink).sum() + logdet_a.sum()
        value = -0.5 * logdet - self.df * np.log(qf) / 2 - 0.5 * logdet_x + self.constant
        if not gradient:
            return value
        # per Z column j: tr(V^-1 z_j z_j'), z_j' V^-1 X C X' V^-1 z_j and (z_j' P y)^2, summed over units
        vzx = vb[:, z, :p]
        pz = vb[:, z, p] - vzx @ beta  # z_j' V^-1 (y - X beta), units x q
        per_column = (np.einsum("gjj->j", vb[:, z, z]) - ((vzx @ c) * vzx).sum(axis=(0, 2)),
                      (pz ** 2).sum(axis=0))
        trace, quad = (np.bincount(self.column_of, weights=v, minlength=1 + len(self.lowrank))
                       for v in per_column)
        if self.big is not None:  # the levels: L' V^-1 B = L' D^-1 B - (L' D^-1 Z S) A^-1 (S K_z.)
            h = self.level_sums / shrink[..., None]
            hs = h[:, :, z] * s
            lv = h - hs @ a_inv @ ks.transpose(0, 2, 1)
            diag = self.counts / shrink - ((hs @ a_inv) * hs).sum(axis=2)
            lx = lv[:, :, :p]
            trace = np.append(trace, diag.sum() - ((lx @ c) * lx).sum())
            quad = np.append(quad, ((lv[:, :, p] - lx @ beta) ** 2).sum())
        grad = np.empty(len(self.order))
        grad[self.order] = -0.5 * trace + self.df / 2 * quad / qf
        return value, grad

    def maximise(self, starts) -> tuple[np.ndarray | None, float]:
        """The relative variances of the highest REML log-likelihood reached by L-BFGS-B from each of `starts`
        (in the box theta >= 0), and that log-likelihood."""
        best, best_value = None, -np.inf

        def loss(theta):
            value, grad = self.loglike(theta, gradient=True)
            if not np.isfinite(value):
                return np.inf, np.zeros_like(theta)
            return -value, -grad

        for start in starts:
            found = optimize.minimize(loss, np.asarray(start, dtype="float64"), jac=True, method="L-BFGS-B",
                                      bounds=[(0.0, None)] * len(start),
                                      options={"ftol": 1e-15, "gtol": 1e-10, "maxiter": 1000})
            value = -found.fun
            if np.isfinite(value) and value > best_value:
                best, best_value = found.x, value
        return best, best_value


def _dense(matrix) -> np.ndarray:
    return np.asarray(matrix.toarray() if hasattr(matrix, "toarray") else matrix, dtype="float64")


def reml_maximum(model):
    """The maximum of `model`'s REML likelihood as statsmodels start values (a ``MixedLMParams``), with the
    log-likelihood there; None where the model is not one :class:`StackedREML` computes (a random slope, no fixed
    effects, components that are not indicators) or no start gave a finite value.

    The maximum is searched for from statsmodels' own start (every relative variance 1) and from two smaller ones
    (0.1 and 0.01), the highest kept; a component whose maximum is zero is handed over at :data:`BOUNDARY_FLOOR`.
    """
    from statsmodels.regression.mixed_linear_model import MixedLMParams

    reml = StackedREML.of(model)
    if reml is None:
        return None
    k = 1 + int(model.k_vc)
    with np.errstate(all="ignore"):  # a start where a value overflows gives no finite value and is passed over;
        # the fit from the maximum is statsmodels', whose own warnings are the user's
        theta, value = reml.maximise([np.ones(k), np.full(k, 0.1), np.full(k, 0.01)])
    if theta is None:
        return None
    theta = np.maximum(theta, BOUNDARY_FLOOR)
    params = MixedLMParams(model.k_fe, 1, int(model.k_vc))
    params.fe_params = np.zeros(model.k_fe)
    params.cov_re = np.array([[theta[0]]])
    params.vcomp = theta[1:]
    return params, value
