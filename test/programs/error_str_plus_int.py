epochs = 5
for epoch in range(epochs):
    loss = 1.0 / (epoch + 1)
    print("epoch " + str(epoch) + ": " + f"{loss:.2f}")
print("done after " + epochs + " epochs")
