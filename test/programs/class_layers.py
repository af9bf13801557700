import numpy as np


class Layer:
    def __call__(self, x):
        return self.forward(x)

    def parameters(self):
        return []


class Dense(Layer):
    def __init__(self, n_in, n_out):
        self.W = np.linspace(-1, 1, n_in * n_out).reshape(n_in, n_out)
        self.b = np.zeros(n_out)

    def forward(self, x):
        return x @ self.W + self.b

    def parameters(self):
        return [self.W, self.b]

    def __repr__(self):
        return f"Dense({self.W.shape[0]} -> {self.W.shape[1]})"


class ReLU(Layer):
    def forward(self, x):
        return np.maximum(x, 0)

    def __repr__(self):
        return "ReLU()"


class Sequential(Layer):
    def __init__(self, *layers):
        self.layers = list(layers)

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
            print(f"  after {layer!r}: {x.shape}")
        return x

    def parameters(self):
        return [p for layer in self.layers for p in layer.parameters()]


model = Sequential(Dense(4, 8), ReLU(), Dense(8, 3))
print(model.layers)
x = np.ones((2, 4))
out = model(x)
print(out)
n_params = sum(p.size for p in model.parameters())
print("parameters:", n_params, [p.shape for p in model.parameters()])
