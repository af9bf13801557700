class DataError(Exception):
    pass


def parse_row(row):
    try:
        return [float(v) for v in row.split(",")]
    except ValueError as e:
        raise DataError(f"bad row: {row!r}") from e


for row in ["1,2,3", "4,5,6"]:
    print(parse_row(row))
try:
    parse_row("7,x,9")
except DataError as e:
    print("caught:", e, "| cause:", repr(e.__cause__))
parse_row("1,,2")
