"""Shared helpers of the benchmark scripts: open an Odoo registry on the bench
database, generate believable customers, time things."""

import importlib.util
import os
import random
import statistics
import sys
import time
from contextlib import contextmanager

ODOO_SRC = os.environ.get("ODOO_SRC", "/opt/odoo19")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ODOO_SRC)

import odoo  # noqa: E402
from odoo import api  # noqa: E402
from odoo.tools import config  # noqa: E402


def _load_compat():
    """The add-on's compat.py (what differs between Odoo 19 and 18), read
    as a plain module: importing the add-on outside a registry would
    declare its models twice."""
    path = os.path.join(ROOT, "sales_team_mgmt", "compat.py")
    spec = importlib.util.spec_from_file_location("stm_compat", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


compat = _load_compat()
USER_GROUPS = compat.USER_GROUPS

CITIES = (
    "深圳 广州 上海 北京 杭州 苏州 南京 成都 武汉 "
    "东莞 佛山 厦门 宁波 天津 重庆 西安 青岛 长沙"
).split()
WORDS = (
    "腾飞 鹏程 华信 恒达 明辉 宏远 金桥 东方 海川 新源 瑞丰 嘉禾 泰和 永盛 中兴 "
    "天成 博雅 志远 信达 隆基 星辰 长江 凯盛 华美 安泰 顺发 联创 佳和 宝丰 正泰"
).split()
TRADES = "科技 电子 机械 食品 物流 贸易 光电 软件 化工 建材 医疗 纺织".split()
FORMS = ["有限公司", "股份有限公司", "有限责任公司", "集团有限公司"]
EN_WORDS = (
    "Blue Sky Ocean Pearl River Golden Bridge Silver Star Eastern Dragon Phoenix "
    "Summit Harbor Jade Crown Lotus Unity Apex Nova Orient Pacific Vertex"
).split()
EN_TRADES = ["Trading", "Technology", "Logistics", "Foods", "Electronics", "Machinery"]
EN_FORMS = ["Co., Ltd.", "Limited", "Inc.", "Group", "Corp."]
PUBLIC = ["qq.com", "163.com", "126.com", "gmail.com", "outlook.com", "sina.com"]


def company(index, rng):
    """A unique, believable company: (name, email, phone)."""
    if rng.random() < 0.6:
        name = (
            f"{rng.choice(CITIES)}市{rng.choice(WORDS)}{rng.choice(TRADES)}"
            f"{index}{rng.choice(FORMS)}"
        )
        slug = f"c{index}"
    else:
        name = (
            f"{rng.choice(EN_WORDS)} {rng.choice(EN_WORDS)} {rng.choice(EN_TRADES)} "
            f"{index} {rng.choice(EN_FORMS)}"
        )
        slug = f"e{index}"
    domain = rng.choice(PUBLIC) if rng.random() < 0.3 else f"{slug}-corp.cn"
    email = f"contact{index}@{domain}"
    # Shared prefixes (city codes, mobile blocks), unique numbers.
    phone = (
        f"+86 {rng.choice(['755', '20', '21', '10', '571', '512'])} {10000000 + index}"
    )
    return name, email, phone


def open_env(db):
    config.parse_config(
        [
            f"--addons-path={ODOO_SRC}/addons,{ODOO_SRC}/odoo/addons,{ROOT}",
            f"--database={db}",
            f"--db_host={os.environ.get('PGHOST', '127.0.0.1')}",
            f"--db_port={os.environ.get('PGPORT', '5432')}",
            f"--db_user={os.environ.get('PGUSER', os.environ.get('USER', 'root'))}",
            "--log-level=warn",
        ]
    )
    odoo.netsvc.init_logger()
    registry = odoo.modules.registry.Registry(db)
    cr = registry.cursor()
    return api.Environment(cr, api.SUPERUSER_ID, {})


@contextmanager
def measure(env, out):
    """Append (seconds, queries) of the block to ``out``."""
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    yield
    env.flush_all()
    out.append((time.perf_counter() - start, env.cr.sql_log_count - queries))


def medians(samples):
    return (
        statistics.median(s for s, __ in samples),
        statistics.median(q for __, q in samples),
    )


def rng(seed=20261123):
    return random.Random(seed)
