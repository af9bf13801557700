import numpy as np


def sigmoid(z):
    return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))


def bce(p, y, eps=1e-12):
    p = np.clip(p, eps, 1 - eps)
    return -(y * np.log(p) + (1 - y) * np.log(1 - p)).mean()


class LogisticRegression:
    def __init__(self, lr=0.1, epochs=100, l2=0.0):
        self.lr, self.epochs, self.l2 = lr, epochs, l2
        self.w = None
        self.b = 0.0

    def fit(self, X, y):
        n, d = X.shape
        self.w = np.zeros(d)
        for _ in range(self.epochs):
            p = sigmoid(X @ self.w + self.b)
            g = p - y
            self.w -= self.lr * (X.T @ g / n + self.l2 * self.w)
            self.b -= self.lr * g.mean()
        return self

    def predict_proba(self, X):
        return sigmoid(X @ self.w + self.b)

    def predict(self, X, threshold=0.5):
        return (self.predict_proba(X) >= threshold).astype(int)


X = np.random.randn(300, 2)
y = (X @ np.array([1.5, -2.0]) > 0).astype(float)
clf = LogisticRegression(lr=0.5, epochs=300).fit(X, y)
print("loss:", bce(clf.predict_proba(X), y), "acc:", (clf.predict(X) == y).mean())
