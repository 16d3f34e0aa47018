from django.test import override_settings

import rediscluster  # expect: TT001


def test_stores_an_event(factories):
    factories.store_event(data={})  # expect: TT001


@override_settings(TSDB="app.tsdb.snuba.SnubaTSDB")  # expect: TT001
def test_snuba_tsdb():
    pass


def test_uses_redis_cluster():
    assert rediscluster
