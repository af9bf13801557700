from __future__ import annotations
import os
import sys, math
import numpy as np
import torch.nn.functional as F
import os.path as osp
import xml.etree.ElementTree
from collections import defaultdict, OrderedDict as OD
from typing import (
    List,
    Dict as Mapping,
    Tuple,
)
from . import utils
from .models import mlp
from .. import config as cfg
from ...data.loaders import load_mnist, load_cifar as cifar
from .helpers import *

print(os.sep, sys.version_info >= (3, 8), math.pi, osp.join("a", "b"))
counts = defaultdict(int)
