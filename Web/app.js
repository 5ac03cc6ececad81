// thidua serve: the list of documents and the editor. Plain JavaScript, no build step,
// nothing from the network. Every text from the server or the clerk goes into the page
// with textContent; the one exception is the preview, HTML the server wrote with every
// value escaped (HTMLFormatter), shown under a Content-Security-Policy without inline script.
"use strict";

const thidua = {
  csrf: "",
  formats: [],
  missing: {},
  file: null,        // name of the file being edited
  hash: null,        // fingerprint of the file as opened (null: new file)
  timer: null,
  checking: 0,
  figures: [],       // the folder's figure files, offered in the figure fields
};

const $ = (id) => document.getElementById(id);

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

async function api(path, options) {
  const init = options || {};
  init.credentials = "same-origin";
  init.headers = Object.assign({}, init.headers || {});
  if (init.method === "POST") init.headers["X-ThiDua-CSRF"] = thidua.csrf;
  const response = await fetch(path, init);
  const type = response.headers.get("Content-Type") || "";
  const body = type.startsWith("application/json") ? await response.json() : await response.blob();
  return { status: response.status, ok: response.ok, body: body, response: response };
}

function postJSON(path, value) {
  return api(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(value) });
}

// ---- The list ----

const kindNames = { ke_hoach: "Kế hoạch", huong_dan: "Hướng dẫn", bao_cao: "Báo cáo" };
const stateNames = { san_sang: "Sẵn sàng", canh_bao: "Có cảnh báo", loi: "Có lỗi" };

async function showList() {
  $("man-soan").hidden = true;
  $("man-danh-sach").hidden = false;
  thidua.file = null;
  const result = await api("/api/tep");
  const body = $("cac-tep");
  body.replaceChildren();
  if (!result.ok) { $("thong-bao-danh-sach").textContent = result.body.thong_diep || "Không đọc được danh sách."; return; }
  thidua.figures = [];
  $("tep-so-lieu-co").replaceChildren();
  for (const name of result.body.so_lieu) offerFigure(name);
  // The data files, offered where a document cites another by its file (`tep`).
  $("tep-du-lieu-co").replaceChildren(...result.body.tep.map((entry) => {
    const option = element("option", kindNames[entry.loai] || "");
    option.value = entry.ten;
    return option;
  }));
  for (const entry of result.body.tep) {
    const row = element("tr");
    const pick = element("td");
    const radio = element("input");
    radio.type = "radio"; radio.name = "chon-tep"; radio.value = entry.ten;
    pick.append(radio);
    row.append(pick);
    const name = element("td");
    const link = element("a", entry.ten);
    link.href = "#";
    link.addEventListener("click", (event) => { event.preventDefault(); openFile(entry.ten); });
    name.append(link);
    row.append(name, element("td", kindNames[entry.loai] || "—"), element("td", entry.so || ""),
      element("td", entry.ngay || ""), element("td", entry.trich_yeu || ""));
    let state = stateNames[entry.trang_thai] || entry.trang_thai;
    if (entry.loi) state += " (" + entry.loi + " lỗi)";
    else if (entry.canh_bao) state += " (" + entry.canh_bao + " cảnh báo)";
    row.append(element("td", state, "trang-thai " + entry.trang_thai));
    row.dataset.ten = entry.ten;
    row.dataset.loai = entry.loai || "";
    body.append(row);
  }
  $("thong-bao-danh-sach").textContent = result.body.tep.length ? "" : "Thư mục chưa có tệp dữ liệu nào: chọn loại, đặt tên rồi bấm “Văn bản mới”.";
}

// A figure file the form's figure fields offer as the clerk types (the datalist).
function offerFigure(name) {
  if (thidua.figures.includes(name)) return;
  thidua.figures.push(name);
  const option = element("option");
  option.value = name;
  $("tep-so-lieu-co").append(option);
}

function chosenFile() {
  const radio = document.querySelector("input[name=chon-tep]:checked");
  return radio ? radio.value : null;
}

async function startFrom(action) {
  const name = $("ten-moi").value.trim();
  const request = { loai: $("loai-moi").value, ten: name, nguon: chosenFile() };
  if ((action === "trien-khai" || action === "nam-sau") && !request.nguon) {
    $("thong-bao-danh-sach").textContent = "Chọn văn bản nguồn trong danh sách trước (ô tròn ở đầu dòng).";
    return;
  }
  if (!name && action !== "nam-sau") { $("thong-bao-danh-sach").textContent = "Đặt tên tệp mới, ví dụ ke-hoach-2026.yaml."; return; }
  const result = await postJSON("/api/" + action, request);
  if (!result.ok) {
    const details = (result.body.chan_doan || []).map((d) => d.day_du).join("\n");
    $("thong-bao-danh-sach").textContent = (result.body.thong_diep || "Không tạo được văn bản.") + (details ? "\n" + details : "");
    return;
  }
  // "Văn bản mới" is not written until it is saved; a derived or next year's plan is
  // written by the server (never over a file) and opened as saved.
  if (action === "moi") editText(name, result.body.noi_dung, null);
  else {
    await openFile(result.body.ten);
    $("trang-thai-luu").textContent = ["Đã tạo " + result.body.ten + "."].concat(result.body.ghi_chu || []).join(" ");
  }
}

// ---- The editor ----

async function openFile(name) {
  const result = await api("/api/mo?ten=" + encodeURIComponent(name));
  if (!result.ok) { alert(result.body.thong_diep); return; }
  editText(name, result.body.noi_dung, result.body.dau_van_tay);
}

function editText(name, text, hash) {
  thidua.file = name;
  thidua.hash = hash;
  $("ten-tep").value = name;
  $("yaml").value = text;
  $("xung-dot").hidden = true;
  $("trang-thai-luu").textContent = hash ? "Đã mở." : "Chưa lưu.";
  $("man-danh-sach").hidden = true;
  $("man-soan").hidden = false;
  if (window.ThiDuaForm) window.ThiDuaForm.load(text).then(() => showTab(window.ThiDuaForm.ready ? "form" : "yaml"));
  else showTab("yaml");
  check();
}

function showTab(which) {
  const form = which === "form" && window.ThiDuaForm && window.ThiDuaForm.ready;
  $("bieu-mau").hidden = !form;
  $("khung-yaml").hidden = form;
  $("the-bieu-mau").classList.toggle("dang-chon", form);
  $("the-yaml").classList.toggle("dang-chon", !form);

}

// True while the form is the editor (its tree is what is checked and saved).
function formActive() {
  return Boolean(window.ThiDuaForm && window.ThiDuaForm.ready && !$("bieu-mau").hidden);
}

// What the editor holds now: the form's tree with the text it was read from (the server
// writes its YAML keeping that text's comments), or the text.
function edited(extra) {
  const request = Object.assign({ ten: $("ten-tep").value.trim() || "moi.yaml" }, extra || {});
  if (formActive()) {
    request.cay = window.ThiDuaForm.tree;
    request.goc = window.ThiDuaForm.source;
  } else request.noi_dung = $("yaml").value;
  return request;
}

// `quiet`: a check for another reason than an edit (a figure file uploaded), which leaves
// the save status as it is.
function scheduleCheck(quiet) {
  clearTimeout(thidua.timer);
  thidua.timer = setTimeout(check, 350);
  if (quiet !== true) $("trang-thai-luu").textContent = "Có thay đổi chưa lưu.";
}

async function check() {
  const ticket = ++thidua.checking;
  const result = await postJSON("/api/kiem-tra", edited());
  if (ticket !== thidua.checking) return; // a newer check is under way
  if (result.ok && typeof result.body.noi_dung === "string") $("yaml").value = result.body.noi_dung;
  const list = $("chan-doan");
  list.replaceChildren();
  if (!result.ok) { list.append(element("li", result.body.thong_diep)); return; }
  const found = result.body.chan_doan;
  $("tom-tat").textContent = found.length ? "(" + result.body.loi + " lỗi, " + result.body.canh_bao + " cảnh báo)" : "(không có lỗi)";
  for (const item of found) {
    list.append(element("li", item.day_du, item.muc === "lỗi" ? "loi" : "canh-bao"));
  }
  if (window.ThiDuaForm && window.ThiDuaForm.ready) window.ThiDuaForm.showDiagnostics(found);
  const preview = $("xem-truoc");
  if (result.body.xem_truoc !== null && result.body.xem_truoc !== undefined) {
    // Written by the server's HTMLFormatter and templates: every value escaped there.
    preview.innerHTML = result.body.xem_truoc;
  } else if (found.length) {
    preview.replaceChildren(element("p", "Sửa các lỗi bên trái để xem trước văn bản."));
  }
}

async function save(overwrite) {
  const name = $("ten-tep").value.trim();
  if (!name) { $("trang-thai-luu").textContent = "Đặt tên tệp trước khi lưu."; return; }
  const renamed = name !== thidua.file;
  const result = await postJSON("/api/luu", edited({ ten: name, dau_van_tay: renamed ? null : thidua.hash, ghi_de: overwrite === true }));
  if (result.status === 409) {
    $("xung-dot-loi").textContent = result.body.thong_diep + ". Chọn: ghi đè bằng bản đang soạn, hoặc bỏ bản đang soạn và mở bản trên đĩa.";
    $("xung-dot").hidden = false;
    $("trang-thai-luu").textContent = "Chưa lưu: tệp đã thay đổi.";
    return;
  }
  if (!result.ok) { $("trang-thai-luu").textContent = result.body.thong_diep; return; }
  thidua.file = name;
  thidua.hash = result.body.dau_van_tay;
  if (typeof result.body.noi_dung === "string") $("yaml").value = result.body.noi_dung;
  $("xung-dot").hidden = true;
  $("trang-thai-luu").textContent = "Đã lưu" + (result.body.sao_luu ? " (bản cũ: " + result.body.sao_luu + ")." : ".");
}

async function download() {
  const format = $("dinh-dang").value;
  const name = thidua.file;
  if (!name || !thidua.hash) { $("trang-thai-luu").textContent = "Lưu tệp trước khi tải về."; return; }
  const result = await api("/api/tai-ve?ten=" + encodeURIComponent(name) + "&dinh_dang=" + encodeURIComponent(format));
  if (!result.ok) { $("trang-thai-luu").textContent = result.body.thong_diep; return; }
  const disposition = result.response.headers.get("Content-Disposition") || "";
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const link = element("a");
  link.href = URL.createObjectURL(result.body);
  link.download = match ? decodeURIComponent(match[1]) : "van-ban." + format;
  document.body.append(link);
  link.click();
  link.remove();
}

async function upload(input) {
  const file = input.files[0];
  if (!file) return;
  const folder = (thidua.file || "").includes("/") ? thidua.file.slice(0, thidua.file.lastIndexOf("/") + 1) : "";
  const name = folder + file.name;
  const result = await api("/api/tai-len?ten=" + encodeURIComponent(name), { method: "POST", body: file });
  input.value = "";
  if (!result.ok) { $("trang-thai-luu").textContent = result.body.thong_diep; return; }
  // The new file is offered in the figure fields at once, and the data file is checked
  // again (its figures may have changed); the data file itself did not change.
  offerFigure(name);
  $("trang-thai-luu").textContent = "Đã tải lên " + name + ": ghi tên tệp này vào ô “Tệp số liệu” của báo cáo.";
  scheduleCheck(true);
}

const formatNames = { md: "Markdown (.md)", txt: "Văn bản thường (.txt)", docx: "Word (.docx)", pdf: "PDF", xlsx: "Bảng tính (.xlsx, báo cáo)", "nhiem-vu": "Danh sách nhiệm vụ (.docx)", "bieu-mau": "Biểu mẫu số liệu (.xlsx, báo cáo)" };

async function start() {
  const session = await api("/api/phien");
  if (!session.ok) { document.body.replaceChildren(element("p", session.body.thong_diep)); return; }
  thidua.csrf = session.body.csrf;
  $("thu-muc").textContent = "Thư mục: " + session.body.thu_muc;
  // Derive and next year appear when the server has them (`hanh_dong`).
  for (const action of session.body.hanh_dong || []) {
    const button = $("nut-" + action);
    if (button) button.hidden = false;
  }
  for (const id of session.body.dinh_dang) {
    const option = element("option", formatNames[id] || id);
    option.value = id;
    if (session.body.khong_co[id]) { option.disabled = true; option.textContent += " — " + session.body.khong_co[id]; }
    $("dinh-dang").append(option);
  }
  $("ve-danh-sach").addEventListener("click", showList);
  $("nut-moi").addEventListener("click", () => startFrom("moi"));
  $("nut-trien-khai").addEventListener("click", () => startFrom("trien-khai"));
  $("nut-nam-sau").addEventListener("click", () => startFrom("nam-sau"));
  $("nut-luu").addEventListener("click", () => save(false));
  $("nut-ghi-de").addEventListener("click", () => save(true));
  $("nut-tai-lai").addEventListener("click", () => openFile(thidua.file));
  $("nut-tai-ve").addEventListener("click", download);
  $("tep-so-lieu").addEventListener("change", (event) => upload(event.target));
  $("yaml").addEventListener("input", scheduleCheck);
  $("the-bieu-mau").addEventListener("click", async () => { if (window.ThiDuaForm) await window.ThiDuaForm.load($("yaml").value); showTab("form"); });
  $("the-yaml").addEventListener("click", () => showTab("yaml"));
  window.thiduaScheduleCheck = scheduleCheck;
  window.thiduaCSRF = () => thidua.csrf;
  showList();
}

document.addEventListener("DOMContentLoaded", start);
