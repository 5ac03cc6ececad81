#!/usr/bin/env python3
"""Judge of `thidua serve` in Firefox (Debian's firefox-esr), over WebDriver BiDi.

Usage: web_judge_firefox.py ADDRESS

Debian has no geckodriver, but Firefox (≥ 129) speaks WebDriver BiDi itself on a WebSocket
(`--remote-debugging-port`), so python3-websockets drives it directly. Firefox runs headless
on a private temporary profile, always killed (its whole process group) and the profile
removed at the end. The session: a new plan through the page's form, the required fields,
an impossible date whose Vietnamese diagnostic must appear next to the date field, the fix,
a phase with two commemorations picked from the calendar, save, reload and reopen. Every
JavaScript error and console error the page reports (log.entryAdded) is collected. Prints one
JSON object; exit 1 with {"loi": …} on failure.
"""
import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

import websockets

NAME = "ke-hoach-firefox.yaml"
FIREFOX = shutil.which("firefox-esr") or shutil.which("firefox") or "/usr/bin/firefox-esr"
# The page's own listeners are on "input" and "change": a helper sets a field as typing
# and leaving it would (input, change, blur), so the same code paths run as for a clerk.
HELPERS = r"""
window.__giamKhao = {
  field(path) {
    for (const tag of ["input", "textarea", "select"]) {
      const found = document.querySelector(tag + '[data-path="' + path + '"]');
      if (found) return found;
    }
    return null;
  },
  put(element, text) {
    element.focus();
    element.value = text;
    element.dispatchEvent(new Event("input", { bubbles: true }));
    element.dispatchEvent(new Event("change", { bubbles: true }));
    element.blur();
  },
};
"""


class Failure(Exception):
    pass


class BiDi:
    """A minimal WebDriver BiDi client: commands by id, events kept in a list."""

    def __init__(self, socket_):
        self.socket = socket_
        self.next_id = 0
        self.waiting = {}
        self.log = []
        self.reader = asyncio.ensure_future(self.read())

    async def read(self):
        async for raw in self.socket:
            message = json.loads(raw)
            if "id" in message and message["id"] in self.waiting:
                self.waiting.pop(message["id"]).set_result(message)
            elif message.get("method") == "log.entryAdded":
                self.log.append(message["params"])

    async def send(self, method, params, seconds=30):
        self.next_id += 1
        future = asyncio.get_running_loop().create_future()
        self.waiting[self.next_id] = future
        await self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        try:
            message = await asyncio.wait_for(future, seconds)
        except asyncio.TimeoutError:
            raise Failure("Firefox không trả lời lệnh %s trong %d giây" % (method, seconds))
        if message.get("type") == "error" or "error" in message:
            raise Failure("Firefox báo lỗi cho %s: %s %s" % (method, message.get("error"), message.get("message")))
        return message["result"]


class Page:
    def __init__(self, bidi, context):
        self.bidi = bidi
        self.context = context

    async def call(self, function, *arguments):
        """Runs `function` in the page; it returns JSON text, decoded here."""
        result = await self.bidi.send("script.callFunction", {
            "functionDeclaration": "async (...a) => JSON.stringify(await (%s)(...a))" % function,
            "arguments": [{"type": "string", "value": str(a)} for a in arguments],
            "target": {"context": self.context}, "awaitPromise": True, "resultOwnership": "none",
        })
        if result.get("type") == "exception":
            details = result.get("exceptionDetails", {})
            raise Failure("lỗi JavaScript khi chấm: %s" % details.get("text"))
        value = result["result"]
        if value.get("type") != "string":
            return None
        return json.loads(value["value"])

    async def navigate(self, url):
        await self.bidi.send("browsingContext.navigate", {"context": self.context, "url": url, "wait": "complete"}, 60)
        await self.bidi.send("script.evaluate", {"expression": HELPERS, "target": {"context": self.context},
                                                 "awaitPromise": False, "resultOwnership": "none"})

    async def wait(self, function, what, seconds=20, *arguments):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            value = await self.call(function, *arguments)
            if value:
                return value
            await asyncio.sleep(0.1)
        raise Failure("hết giờ chờ: " + what)

    async def type_into(self, path, text):
        found = await self.call("""(path, text) => {
            const element = window.__giamKhao.field(path);
            if (!element) return false;
            window.__giamKhao.put(element, text);
            return true;
        }""", path, text)
        if not found:
            raise Failure("không thấy ô %s trong biểu mẫu" % path)

    async def click(self, selector):
        found = await self.call("""(selector) => {
            const element = document.querySelector(selector);
            if (!element) return false;
            element.click();
            return true;
        }""", selector)
        if not found:
            raise Failure("không thấy " + selector)

    async def text(self, selector):
        return await self.call("(s) => { const e = document.querySelector(s); return e ? e.textContent : null; }", selector)

    async def field_note(self, path):
        return await self.text('.loi-truong[data-path="%s"]' % path)


async def session(port):
    url = "ws://127.0.0.1:%d/session" % port
    deadline = time.monotonic() + 60
    while True:
        try:
            # No keepalive pings: a judge may leave the loop idle while it waits for a page.
            connection = await websockets.connect(url, max_size=2 ** 24, open_timeout=10, ping_interval=None)
            break
        except (OSError, websockets.exceptions.InvalidHandshake, asyncio.TimeoutError):
            if time.monotonic() > deadline:
                raise Failure("không kết nối được WebDriver BiDi của Firefox ở " + url)
            await asyncio.sleep(0.25)
    bidi = BiDi(connection)
    await bidi.send("session.new", {"capabilities": {"alwaysMatch": {"acceptInsecureCerts": False}}})
    await bidi.send("session.subscribe", {"events": ["log.entryAdded"]})
    tree = await bidi.send("browsingContext.getTree", {})
    return bidi, Page(bidi, tree["contexts"][0]["context"])


async def judge(port, result):
    """Fills `result` as it goes, so a failure still reports what was seen."""
    bidi, page = await session(port)
    try:
        result["trinh_duyet"] = await page.call("() => navigator.userAgent")
        await page.navigate(ADDRESS)
        await page.wait("() => document.getElementById('thong-bao-danh-sach').textContent !== '' || "
                        "document.querySelectorAll('#cac-tep tr').length > 0", "danh sách")
        await page.call("""(name) => {
            const kind = document.getElementById("loai-moi");
            kind.value = "ke_hoach";
            kind.dispatchEvent(new Event("change", { bubbles: true }));
            window.__giamKhao.put(document.getElementById("ten-moi"), name);
            return true;
        }""", NAME)
        await page.click("#nut-moi")
        # The editor form is built by form.js from the server's schema.
        await page.wait("() => !!document.querySelector('input[data-path=\"co_quan_ban_hanh\"]')", "biểu mẫu mới")
        result["so_o_bieu_mau"] = await page.call("() => document.querySelectorAll('[data-path]').length")

        for path, text in [("co_quan_chu_quan", "Tổng Liên đoàn Lao động Việt Nam"),
                           ("co_quan_ban_hanh", "Liên đoàn Lao động tỉnh Bến Tre"), ("so", "15"),
                           ("ky_hieu", "KH-LĐLĐ"), ("dia_danh", "Bến Tre"),
                           ("trich_yeu", "Phát động thi đua năm 2025")]:
            await page.type_into(path, text)
        await page.click('button[data-them="muc"]')
        await page.wait("() => !!document.querySelector('div[data-path=\"muc[0]\"] > select.chon-dang')", "mục mới")
        await page.call("""() => {
            const shape = document.querySelector('div[data-path="muc[0]"] > select.chon-dang');
            shape.value = "muc";
            shape.dispatchEvent(new Event("change", { bubbles: true }));
            return true;
        }""")
        await page.wait("() => !!window.__giamKhao.field('muc[0].ten')", "ô tên mục")
        await page.type_into("muc[0].ten", "Mục đích, yêu cầu")
        await page.click('button[data-them="muc[0].noi_dung"]')
        await page.wait("() => !!window.__giamKhao.field('muc[0].noi_dung[0]')", "ô nội dung mục")
        await page.type_into("muc[0].noi_dung[0]", "Đẩy mạnh phong trào thi đua trong đoàn viên, người lao động.")
        for list_path, item, text in [("noi_nhan", "noi_nhan[0]", "Như trên"), ("luu", "luu[0]", "VT")]:
            await page.click('button[data-them="%s"]' % list_path)
            await page.wait("(p) => !!window.__giamKhao.field(p)", "ô " + item, 20, item)
            await page.type_into(item, text)
        for path, text in [("chu_ky.hinh_thuc", "TM."), ("chu_ky.thay_mat", "Ban Thường vụ"),
                           ("chu_ky.chuc_vu", "Chủ tịch"), ("chu_ky.ho_ten", "Nguyễn Văn A")]:
            await page.type_into(path, text)

        # An impossible date: the diagnostic of `thidua check`, in Vietnamese, next to the field.
        await page.type_into("ngay", "2025-02-30")
        result["loi_ngay"] = await page.wait("() => { const e = document.querySelector('.loi-truong[data-path=\"ngay\"]');"
                                             " return e ? e.textContent : null; }", "lỗi ngày cạnh ô Ngày ban hành")
        await page.type_into("ngay", "2025-02-20")
        await page.wait("() => !document.querySelector('.loi-truong[data-path=\"ngay\"]')", "lỗi ngày biến mất sau khi sửa")

        # A phase and two commemorations picked from the year's calendar.
        await page.type_into("thoi_gian.tu", "2025-01-01")
        await page.type_into("thoi_gian.den", "2025-12-31")
        await page.click('button[data-them="dot_thi_dua"]')
        await page.wait("() => !!window.__giamKhao.field('dot_thi_dua[0].tu')", "ô đợt thi đua")
        await page.type_into("dot_thi_dua[0].tu", "2025-01-01")
        await page.type_into("dot_thi_dua[0].den", "2025-06-30")
        picker = '.chon-ky-niem[data-nam="2025"] input[type=checkbox]'
        await page.wait("(s) => document.querySelectorAll(s).length >= 2", "lịch kỷ niệm năm 2025", 20, picker)
        for wanted in ("thanh_lap_dang", "giai_phong_mien_nam"):
            await page.click(picker + '[value="%s"]' % wanted)
            await page.wait("(s) => !!document.querySelector(s)", "chọn " + wanted, 20, picker + '[value="%s"]:checked' % wanted)

        await page.wait("() => { const t = document.getElementById('tom-tat').textContent;"
                        " return t.includes('(0 lỗi') || t.includes('không có lỗi'); }", "không còn lỗi", 30)
        result["tom_tat"] = await page.text("#tom-tat")
        await page.click("#nut-luu")
        await page.wait("() => document.getElementById('trang-thai-luu').textContent.includes('Đã lưu')", "lưu")
        result["trang_thai_luu"] = await page.text("#trang-thai-luu")

        # Reload: the list shows the file, the form shows what was saved.
        await page.navigate(ADDRESS)
        await page.wait("(n) => !!document.querySelector('tr[data-ten=\"' + n + '\"] a')", "tệp trong danh sách sau khi tải lại", 20, NAME)
        await page.click('tr[data-ten="%s"] a' % NAME)
        await page.wait("() => !!window.__giamKhao.field('ngay')", "biểu mẫu sau khi mở lại")
        result["ngay_sau_khi_mo_lai"] = await page.call("() => window.__giamKhao.field('ngay').value")
        result["ky_niem_sau_khi_mo_lai"] = await page.wait(
            "() => { const c = [...document.querySelectorAll('.chon-ky-niem input[type=checkbox]:checked')].map((e) => e.value);"
            " return c.length === 2 ? c : null; }", "hai ngày kỷ niệm đã chọn sau khi mở lại")
        # Late errors (after the last request) get a moment to arrive.
        await asyncio.sleep(0.5)
    except Failure:
        # What the page said when it stopped: the save status and the diagnostics.
        try:
            result["trang_thai_luc_hong"] = await page.text("#trang-thai-luu")
            result["chan_doan_luc_hong"] = await page.text("#chan-doan")
            result["thong_bao_danh_sach_luc_hong"] = await page.text("#thong-bao-danh-sach")
        except Exception:
            pass
        raise
    finally:
        await close(bidi, result)


async def close(bidi, result):
    """Ends the session; every JavaScript and console error of it goes into `result`."""
    result["bao_loi_trinh_duyet"] = [
        "%s: %s" % (entry.get("type"), entry.get("text")) for entry in bidi.log
        if (entry.get("type") == "javascript" or entry.get("level") == "error") and "favicon" not in (entry.get("text") or "")
    ]
    try:
        await bidi.send("session.end", {}, 5)
    except Exception:
        pass
    bidi.reader.cancel()
    await bidi.socket.close()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(judge, downloads=None, seconds=240):
    """Starts Firefox headless on a private profile, runs `await judge(port, result)`, ends
    Firefox (its whole process group) and removes the profile; prints `result` as JSON and
    exits 1 when the judge failed. `downloads`: the folder Firefox saves downloads to."""
    home = tempfile.mkdtemp(prefix="thidua-firefox-")
    profile = os.path.join(home, "profile")
    os.mkdir(profile)
    # Quiet, offline, Vietnamese: no first-run pages, updates, telemetry or safe-browsing lookups.
    prefs = {
        "browser.shell.checkDefaultBrowser": False, "browser.startup.homepage_override.mstone": "ignore",
        "datareporting.policy.dataSubmissionEnabled": False, "toolkit.telemetry.reportingpolicy.firstRun": False,
        "app.update.disabledForTesting": True, "browser.safebrowsing.malware.enabled": False,
        "browser.safebrowsing.phishing.enabled": False, "network.captive-portal-service.enabled": False,
        "network.connectivity-service.enabled": False, "intl.accept_languages": "vi",
    }
    if downloads:
        # Saved straight into `downloads`, without asking and without opening the panel.
        prefs.update({
            "browser.download.folderList": 2, "browser.download.dir": downloads, "browser.download.useDownloadDir": True,
            "browser.download.always_ask_before_handling_new_types": False, "browser.download.manager.showWhenStarting": False,
            "browser.download.alwaysOpenPanel": False, "browser.download.start_downloads_in_tmp_dir": False,
        })
    with open(os.path.join(profile, "user.js"), "w", encoding="utf-8") as out:
        for key, value in prefs.items():
            out.write("user_pref(%s, %s);\n" % (json.dumps(key), json.dumps(value)))
    port = free_port()
    log = open(os.path.join(home, "firefox.log"), "wb")
    environment = dict(os.environ, MOZ_HEADLESS="1", HOME=home, MOZ_CRASHREPORTER_DISABLE="1")
    browser = subprocess.Popen(
        [FIREFOX, "--headless", "--no-remote", "--remote-debugging-port=%d" % port, "--profile", profile,
         "--width=1400", "--height=1100", "about:blank"],
        stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=environment, start_new_session=True)
    result, code = {}, 0
    try:
        asyncio.run(asyncio.wait_for(judge(port, result), seconds))
    except Failure as failure:
        result["loi"], code = str(failure), 1
    except asyncio.TimeoutError:
        result["loi"], code = "hết giờ: phiên Firefox quá %d giây" % seconds, 1
    except Exception as error:  # any other fault is a failed judgement, reported as JSON
        result["loi"], code = "%s: %s" % (type(error).__name__, error), 1
    finally:
        # Firefox forks content processes into its own session: end the whole group.
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(browser.pid, sig)
            except ProcessLookupError:
                break
            try:
                browser.wait(5)
                break
            except subprocess.TimeoutExpired:
                continue
        try:
            os.killpg(browser.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        # Its process group: the Swift test checks that no process of it is left.
        result["nhom_tien_trinh_firefox"] = browser.pid
        log.close()
        if code:
            with open(os.path.join(home, "firefox.log"), "rb") as text:
                result["nhat_ky_firefox"] = text.read().decode("utf-8", "replace")[-2000:]
        shutil.rmtree(home, ignore_errors=True)
    print(json.dumps(result, ensure_ascii=False))
    sys.exit(code)


if __name__ == "__main__":
    ADDRESS = sys.argv[1]
    run(judge)
