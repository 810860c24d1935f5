"""The comparison a user would make: the same statistics on the same CSV with Debian's numpy, pandas and
statsmodels. Prints JSON timings (seconds, median of the runs) and the values, for test/bench/bench.ts."""
import json, sys, time
import numpy as np
import pandas as pd
from statsmodels.stats.inter_rater import fleiss_kappa

def timed(f, runs):
    times, value = [], None
    for _ in range(runs):
        t = time.perf_counter(); value = f(); times.append(time.perf_counter() - t)
    return float(np.median(times)), value

def alpha_nominal(counts):
    """Krippendorff's alpha (nominal) from an items x categories count matrix, numpy only."""
    m = counts.sum(axis=1)
    c = counts[m >= 2]; m = m[m >= 2]
    coincidence_diag = (c * (c - 1) / (m - 1)[:, None]).sum(axis=0)
    n_c = c.sum(axis=0); n = n_c.sum()
    return 1 - (n - 1) * (n - coincidence_diag.sum()) / (n * n - (n_c ** 2).sum())

path, runs = sys.argv[1], int(sys.argv[2])
load_s, df = timed(lambda: pd.read_csv(path, usecols=['example_id', 'annotator_id', 'label']), runs)
table_s, counts = timed(lambda: pd.crosstab(df['example_id'], df['label']).to_numpy(), runs)
fleiss_s, fleiss = timed(lambda: fleiss_kappa(counts, method='fleiss'), runs)
alpha_s, alpha = timed(lambda: alpha_nominal(counts.astype(float)), runs)
print(json.dumps({'load_s': load_s, 'table_s': table_s, 'fleiss_s': fleiss_s, 'alpha_s': alpha_s, 'fleiss': float(fleiss), 'alpha': float(alpha)}))
