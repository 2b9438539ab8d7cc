"""bench dataset, pandas side: the point-in-time join a data scientist writes instead of a builder.

Run by Debian's /usr/bin/python3 with Debian's python3-pandas (no pyarrow there, so no Parquet):
reads the base CSV and one CSV per feature group (the group's offline rows, exported once by the
benchmark, untimed), turns event times into instants, joins each group with merge_asof (by record
id, backward, exact matches allowed: the state at the base row's time), sorts the rows as the
builder does (base time, id, label) and writes one CSV. Argument: a JSON config file written by
DatasetBenchmarkPandas. Last line of stdout: the phase timings as JSON.
"""
import json
import sys
import time

started = time.perf_counter()
import pandas as pd  # noqa: E402  (timed: a fresh interpreter pays it every time)

imported = time.perf_counter()


def instant(values, kind):
    if kind == "epoch":
        # Epoch seconds with millisecond precision: round to ms, as the feature store compares them.
        return pd.to_datetime((values * 1000).round().astype("int64"), unit="ms", utc=True)
    return pd.to_datetime(values, utc=True)


def read(spec):
    dtype = {spec["id"]: "int64", spec["time"]: "float64" if spec["time_kind"] == "epoch" else str}
    # Nullable integers, so a missing value is written as an empty cell, not as 35.0.
    dtype.update({c: "Int64" for c in spec["integers"]})
    dtype.update({c: "float64" for c in spec["doubles"]})
    dtype.update({c: str for c in spec["texts"]})
    return pd.read_csv(spec["path"], dtype=dtype)


config = json.load(open(sys.argv[1]))
base_spec = config["base"]
base = read(base_spec)
groups = [read(g) for g in config["groups"]]
loaded = time.perf_counter()

key = base_spec["id"]
base["_t"] = instant(base[base_spec["time"]], base_spec["time_kind"])
# merge_asof needs both sides sorted by the time key.
base = base.sort_values("_t", kind="mergesort")
for spec, frame in zip(config["groups"], groups):
    frame["_t"] = instant(frame[spec["time"]], spec["time_kind"])
    right = frame[[spec["id"], "_t"] + spec["columns"]].rename(columns={spec["id"]: key})
    right = right.sort_values("_t", kind="mergesort")
    base = pd.merge_asof(base, right, on="_t", by=key, direction="backward", allow_exact_matches=True)
base = base.sort_values(["_t", key] + base_spec["order"], kind="mergesort")
joined = time.perf_counter()

base[config["columns"]].to_csv(config["out"], index=False)
written = time.perf_counter()

print(json.dumps({"pandas": pd.__version__, "import": imported - started, "read": loaded - imported,
                  "join": joined - loaded, "write": written - joined, "rows": len(base)}))
