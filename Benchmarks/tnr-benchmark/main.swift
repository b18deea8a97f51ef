// Placeholder until the benchmark harness lands.
print("tnr-benchmark: not yet built")
