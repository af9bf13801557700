import sys

errors = ["missing value in row 3"]
print("validating...")
if errors:
    print("found", len(errors), "error(s)")
    sys.exit(2)
print("not reached")
