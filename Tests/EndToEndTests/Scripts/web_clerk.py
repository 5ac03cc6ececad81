"""A clerk's hands and eyes on the page of `thidua serve`, the same for every judge and
browser: Chromium through Selenium (real keystrokes and clicks), Firefox through WebDriver
BiDi (web_judge_firefox.py). What the clerk sees is read in one script each time (each
check replaces the diagnostics), so no element found by one call is gone by the next.
"""
import asyncio
import os
import time

from web_judge_firefox import Failure


def fail(message):
    raise Failure(message)


class Chromium:
    """The clerk's hands in Chromium: real keystrokes and clicks through Selenium."""

    def __init__(self, downloads):
        from web_judge import driver
        self.browser = driver(downloads)

    def js(self, source, *arguments):
        return self.browser.execute_script("return (%s).apply(null, arguments);" % source, *arguments)

    def open(self, address):
        self.browser.get(address)

    def type(self, path, text):
        from web_judge import type_into
        type_into(self.browser, path, text)

    def enter(self, element_id, text):
        from selenium.webdriver.common.by import By
        self.browser.find_element(By.ID, element_id).send_keys(text)

    def click(self, selector):
        from selenium.webdriver.common.by import By
        found = self.browser.find_elements(By.CSS_SELECTOR, selector)
        if not found:
            fail("không thấy " + selector)
        found[0].click()

    def choose(self, selector, value):
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import Select
        found = self.browser.find_elements(By.CSS_SELECTOR, selector)
        if not found:
            fail("không thấy " + selector)
        Select(found[0]).select_by_value(value)

    def upload(self, path):
        from selenium.webdriver.common.by import By
        self.browser.find_element(By.ID, "tep-so-lieu").send_keys(path)

    def errors(self):
        return [entry["message"] for entry in self.browser.get_log("browser")
                if entry["level"] == "SEVERE" and "favicon" not in entry["message"]]


class Firefox:
    """The clerk's hands in Firefox over BiDi: the page's events as typing fires them, files
    set on the upload control by input.setFiles. Called from a worker thread; the session's
    event loop runs in the main one."""

    def __init__(self, page, loop):
        self.page = page
        self.loop = loop

    def run(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result()

    def js(self, source, *arguments):
        return self.run(self.page.call(source, *arguments))

    def open(self, address):
        self.run(self.page.navigate(address))

    def type(self, path, text):
        self.run(self.page.type_into(path, text))

    def enter(self, element_id, text):
        self.js("(id, text) => { window.__giamKhao.put(document.getElementById(id), text); return true; }", element_id, text)

    def click(self, selector):
        self.run(self.page.click(selector))

    def choose(self, selector, value):
        done = self.js("""(selector, value) => {
            const element = document.querySelector(selector);
            if (!element) return false;
            element.value = value;
            element.dispatchEvent(new Event("change", { bubbles: true }));
            return element.value === value;
        }""", selector, value)
        if not done:
            fail("không chọn được %s ở %s" % (value, selector))

    def upload(self, path):
        async def set_files():
            found = await self.page.bidi.send("script.evaluate", {
                "expression": "document.getElementById('tep-so-lieu')", "target": {"context": self.page.context},
                "awaitPromise": False, "resultOwnership": "root"})
            element = found["result"]
            await self.page.bidi.send("input.setFiles", {"context": self.page.context,
                                                         "element": {"sharedId": element["sharedId"]}, "files": [path]})
        self.run(set_files())

    def errors(self):
        return []  # collected by web_judge_firefox.close at the end of the session


# ---- What the clerk sees ----

def wait(condition, what, seconds=20):
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            fail("hết giờ chờ: " + what)
        time.sleep(0.1)


def text(clerk, element_id):
    return clerk.js("(id) => { const e = document.getElementById(id); return e ? e.textContent : null; }", element_id)


def value(clerk, path):
    return clerk.js("""(path) => {
        const e = document.querySelector('[data-path="' + CSS.escape(path) + '"]:is(input, textarea, select)');
        return e ? e.value : null;
    }""", path)


def note(clerk, path):
    """The diagnostic shown next to the field `path`, read in one script (each check
    replaces the notes)."""
    return clerk.js("""(path) => {
        const e = document.querySelector('.loi-truong[data-path="' + CSS.escape(path) + '"]');
        return e ? e.textContent : null;
    }""", path)


def offered(clerk, path):
    """The names the field's datalist offers as the clerk types."""
    return clerk.js("""(path) => {
        const input = document.querySelector('input[data-path="' + CSS.escape(path) + '"]');
        return input && input.list ? Array.from(input.list.options).map((o) => o.value) : null;
    }""", path)


def present(clerk, path):
    return value(clerk, path) is not None


# ---- What the clerk does ----

def put(clerk, path, text_):
    wait(lambda: present(clerk, path), "ô " + path)
    clerk.type(path, text_)


def fill(clerk, pairs):
    for path, text_ in pairs:
        put(clerk, path, text_)


def add(clerk, path):
    """“+ Thêm” of the list `path`, then waits for the new item."""
    count = clerk.js("""(path) => document.querySelectorAll('fieldset[data-path="' + CSS.escape(path) + '"] > div.muc-danh-sach').length""", path)
    clerk.click('button[data-them="%s"]' % path)
    wait(lambda: clerk.js("""(path, n) => document.querySelectorAll('fieldset[data-path="' + CSS.escape(path) + '"] > div.muc-danh-sach').length > Number(n)""",
                          path, str(count)), "mục mới của " + path)


def shape(clerk, path, name):
    """Picks the shape (“Cách ghi”) of a list item: a paragraph, a block, a recipient with purpose."""
    selector = 'div[data-path="%s"] > select.chon-dang' % path
    wait(lambda: clerk.js("(s) => !!document.querySelector(s)", selector), "ô chọn cách ghi của " + path)
    clerk.choose(selector, name)
    wait(lambda: clerk.js("(s, v) => { const e = document.querySelector(s); return !!e && e.value === v; }", selector, name),
         "cách ghi %s của %s" % (name, path))


def item_button(clerk, path, index, title):
    """Clicks ↑ (“Lên trên”), ↓ (“Xuống dưới”) or ✕ (“Xóa”) of the list item `path[index]`."""
    clerk.click('fieldset[data-path="%s"] > div.muc-danh-sach:nth-of-type(%d) > div.nut-muc > button[title="%s"]'
                % (path, index + 1, title))


def mistake(clerk, path, wrong, right, result, key):
    """Types a wrong value, waits for the Vietnamese diagnostic next to the field, fixes it."""
    put(clerk, path, wrong)
    result[key] = wait(lambda: note(clerk, path), "lỗi cạnh ô %s" % path)
    put(clerk, path, right)
    try:
        wait(lambda: note(clerk, path) is None, "lỗi biến mất")
    except Failure:
        fail("lỗi ở ô %s không biến mất sau khi sửa thành %s: %s (ô ghi %s)" % (path, right, note(clerk, path), value(clerk, path)))


def clean(clerk, result):
    try:
        wait(lambda: any(t in (text(clerk, "tom-tat") or "") for t in ("(0 lỗi", "không có lỗi")), "không còn lỗi", 30)
    except Failure:
        fail("còn lỗi: " + (text(clerk, "chan-doan") or ""))
    result["chan_doan"] = clerk.js("() => document.getElementById('chan-doan').innerText")


def new_document(clerk, address, kind, name):
    clerk.open(address)
    wait(lambda: clerk.js("() => document.getElementById('thong-bao-danh-sach').textContent !== '' || "
                          "document.querySelectorAll('#cac-tep tr').length > 0"), "danh sách")
    clerk.choose("#loai-moi", kind)
    clerk.enter("ten-moi", name)
    clerk.click("#nut-moi")
    wait(lambda: present(clerk, "co_quan_ban_hanh"), "biểu mẫu mới")
    if not clerk.js("() => document.getElementById('khung-yaml').hidden"):
        fail("trang mở thẻ YAML thay vì biểu mẫu")


def save_and_download(clerk, downloads, formats, result):
    clerk.click("#nut-luu")
    wait(lambda: "Đã lưu" in (text(clerk, "trang-thai-luu") or ""), "lưu")

    # Browsers write a download under another name first (Chromium: .crdownload, or a hidden
    # .org.chromium.Chromium.XXXXXX; Firefox: .part), then rename it.
    def finished():
        return {n for n in os.listdir(downloads) if not n.startswith(".") and not n.endswith((".crdownload", ".part"))}
    start = finished()
    for format in formats:
        before = finished()
        clerk.choose("#dinh-dang", format)
        clerk.click("#nut-tai-ve")

        def arrived():
            fresh = finished() - before
            status = text(clerk, "trang-thai-luu") or ""
            if not fresh and status and not status.startswith("Đã lưu"):
                fail("tải về %s không được: %s" % (format, status))
            return fresh
        wait(arrived, "tải về " + format, 60)
    wait(lambda: finished() == set(os.listdir(downloads)), "tải về xong", 30)
    time.sleep(0.5)
    result["tai_ve"] = sorted(finished() - start)
    result["bao_loi_trinh_duyet"] = clerk.errors()
