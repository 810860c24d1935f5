"""pandas `read_csv` of a whole file, as a user would call it (every column, default C engine), timed inside
Python after `import pandas` (the interpreter's start and the import are left out; test/bench/bench.ts times
the whole process as well). Prints JSON: seconds, rows, columns, pandas version. For test/bench/bench.ts."""
import json, sys, time
import pandas as pd

t = time.perf_counter()
df = pd.read_csv(sys.argv[1])
s = time.perf_counter() - t
print(json.dumps({'s': s, 'rows': len(df), 'columns': len(df.columns), 'pandas': pd.__version__}))
