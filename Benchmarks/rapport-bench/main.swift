print("rapport-bench: not written yet")
