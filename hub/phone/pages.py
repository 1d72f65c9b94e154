"""The leader's page as HTML: phone-sized, in Chinese, usable with no JavaScript (a form and a
meta refresh); a few lines of script only make "已记入处置台" appear sooner (a long-poll on
`state`). Every value shown is escaped: the read-out is the desk's text, the name the leader's.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from hub.phone.acks import NAME_MAX_CHARS, Page
from models.clock import hall_time

REFRESH_SECONDS = 5  # a phone without script sees the desk's record this soon
STYLE = """
body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",
sans-serif;margin:0;padding:16px;background:#f4f5f7;color:#1d1d1f;font-size:17px}
h1{font-size:22px;margin:0 0 4px}
.meta{color:#555;margin:0 0 12px;font-size:15px}
.readout{background:#fff;border-radius:10px;padding:12px 14px;white-space:pre-wrap;
line-height:1.6;word-break:break-word;margin:0 0 16px}
label{display:block;margin:0 0 6px;font-size:15px;color:#333}
input{width:100%;box-sizing:border-box;font-size:20px;padding:12px;border:1px solid #bbb;
border-radius:8px;margin:0 0 14px}
button{width:100%;font-size:30px;font-weight:bold;padding:22px 0;border:0;border-radius:12px;
background:#c62828;color:#fff}
.status{font-size:22px;font-weight:bold;padding:18px 14px;border-radius:10px;text-align:center}
.waiting{background:#fff3cd;color:#7a5a00}
.done{background:#e3f4e6;color:#1b5e20}
.error{color:#c62828;margin:0 0 10px}
"""
LONG_POLL = """<script>
(function poll(){fetch(location.pathname+"/state?wait=20",{cache:"no-store"})
.then(function(r){return r.json()}).then(function(s){if(s.recorded){location.reload()}
else{poll()}}).catch(function(){setTimeout(poll,5000)})})();
</script>"""


def readout_page(page: Page, cap: str, zone: ZoneInfo, *, error: str = "") -> str:
    s = page.shared
    title = " · ".join(p for p in (s.number, s.situation, s.desk_name) if p)
    head_extra = ""
    if page.ended and not page.recorded:
        state = ('<p id="status" class="status waiting">此事件已在处置台结束，'
                 '无需再确认。</p>')
    elif not page.acked:
        state = _form(page, cap, error)
    elif not page.recorded:
        state = (f'<p id="status" class="status waiting">已收到 {_hhmm(page.acked_at, zone)}'
                 f' · 等待处置台记录</p><p class="meta">确认人：{escape(page.acked_by)}</p>')
        head_extra = f'<meta http-equiv="refresh" content="{REFRESH_SECONDS}">'
    else:
        state = (f'<p id="status" class="status done">已记入处置台 '
                 f'{_hhmm(page.recorded_at, zone)}</p>'
                 f'<p class="meta">确认人：{escape(page.acked_by)} · 收到 '
                 f'{_hhmm(page.acked_at, zone)}</p>')
    script = LONG_POLL if page.acked and not page.recorded and not page.ended else ""
    return _document("应急报告 · 确认收到", head_extra,
                     f'<h1>应急报告</h1><p class="meta">{escape(title)}</p>'
                     f'<div id="readout" class="readout">{escape(s.body)}</div>{state}{script}')


def invalid_page() -> str:
    return _document("链接无效", "", '<h1>链接无效</h1><p id="status" class="status waiting">'
                     "此链接无效或已过期。请向处置台索取新的二维码。</p>")


def _form(page: Page, cap: str, error: str) -> str:
    message = f'<p id="error" class="error">{escape(error)}</p>' if error else ""
    return (f'<form method="post" action="/r/{escape(cap)}/ack">{message}'
            f'<label for="by">您的姓名</label>'
            f'<input id="by" name="by" value="{escape(page.shared.person)}" '
            f'maxlength="{NAME_MAX_CHARS}" autocomplete="name">'
            f'<button id="ack" type="submit">收到</button></form>')


def _document(title: str, head_extra: str, body: str) -> str:
    return ('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<meta name="referrer" content="no-referrer">{head_extra}'
            f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
            f"<body>{body}</body></html>")


def _hhmm(moment: datetime | None, zone: ZoneInfo) -> str:
    return hall_time.local_text(moment, zone, "%H:%M")
