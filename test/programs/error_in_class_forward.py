import numpy as np


class Linear:
    def __init__(self, n_in, n_out):
        self.weight = np.zeros((n_out, n_in))
        self.bias = np.zeros(n_out)

    def forward(self, x):
        return x @ self.weight.T + self.bias


class Model:
    def __init__(self):
        self.fc1 = Linear(10, 20)
        self.fc2 = Linear(30, 5)

    def forward(self, x):
        x = self.fc1.forward(x)
        return self.fc2.forward(x)


model = Model()
out = model.forward(np.ones((4, 10)))
