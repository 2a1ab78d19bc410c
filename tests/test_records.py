"""`records.record`: the dataclass-like decorator the AST, types and MIR are declared with."""
import pickle

import pytest

from rustmem.records import FrozenInstanceError, field, fields, record, replace


@record(frozen=True)
class Point:
    x: int
    tags: tuple = ()


@record(eq=False)
class Node:
    value: int
    children: list = field(default_factory=list)
    label: str = "n"


@record(eq=False, slots=False)
class Def:
    name: str

    def __hash__(self) -> int:
        return 7


@record(frozen=True)
class Point3(Point):
    z: int = 0


def test_frozen_records_compare_and_hash_by_value():
    assert Point(1) == Point(1, ())
    assert Point(1) != Point(2)
    assert hash(Point(1, (2,))) == hash(Point(1, (2,)))
    assert {Point(1): "a"}[Point(1)] == "a"
    with pytest.raises(FrozenInstanceError):
        Point(1).x = 2


def test_identity_records_get_fresh_defaults():
    a, b = Node(1), Node(1)
    assert a != b and a == a
    assert a.children == [] and a.children is not b.children
    assert a.label == "n"
    with pytest.raises(AttributeError):
        a.other = 1  # slotted: no stray attributes


def test_unslotted_records_keep_their_own_hash_and_extra_attributes():
    d = Def("a")
    d.extra = 5
    copy = pickle.loads(pickle.dumps(d))
    assert copy.name == "a" and copy.extra == 5 and hash(copy) == 7


def test_pickling_slotted_and_frozen_records():
    assert pickle.loads(pickle.dumps(Point(3, (1,)))) == Point(3, (1,))
    n = pickle.loads(pickle.dumps(Node(4, [Node(5)])))
    assert n.value == 4 and n.children[0].value == 5


def test_inherited_fields_come_first():
    assert fields(Point3) == ("x", "tags", "z")
    assert Point3(1, (), 2).z == 2
    assert Point3(1) != Point(1)


def test_replace_and_repr():
    assert replace(Point(1), x=9) == Point(9)
    assert repr(Node(1)) == "Node(value=1, children=[], label='n')"
