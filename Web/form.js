// thidua serve: the form ("Biểu mẫu") over a data file, generated from the schema the
// server sends (DocumentSchema: the keys the loader accepts, with Vietnamese labels and
// help). The form edits the data file as a tree (DataNode's JSON: text, lists, mappings);
// the server turns the tree back into YAML over the text the form was loaded from
// (DataNode.yaml(kind:replacing:): its comments and layout kept) on every check and save,
// checks it with
// `thidua check`'s job and says which field each diagnostic concerns (`truong`).
// Values go into inputs as values and into labels with textContent: nothing is markup.
"use strict";

(function () {
  const form = {
    ready: false,
    kind: null,
    schema: null,
    tree: null,
    source: null,       // the text the tree was read from: a save keeps its comments
    calendars: {},      // year → commemorations
  };

  const byId = (id) => document.getElementById(id);
  function node(tag, text, className) {
    const made = document.createElement(tag);
    if (text !== undefined && text !== null) made.textContent = String(text);
    if (className) made.className = className;
    return made;
  }

  // SchemaType as JSON: "text", or {"choice": {"_0": [...]}} (Swift's synthesized Codable),
  // or {"choice": [...]}: the kind and its argument.
  function typeOf(type) {
    if (typeof type === "string") return { kind: type, arg: null };
    const kind = Object.keys(type)[0];
    let arg = type[kind];
    if (arg && typeof arg === "object" && !Array.isArray(arg) && "_0" in arg) arg = arg._0;
    if (arg && typeof arg === "object" && !Array.isArray(arg) && Object.keys(arg).length === 0) arg = null;
    return { kind: kind, arg: arg };
  }

  const figureKeys = new Set(["so_lieu", "ky_truoc", "don_vi_du_kien"]);
  const scalarKinds = new Set(["text", "multiline", "date", "number", "boolean", "choice"]);
  function isScalarType(type) { return scalarKinds.has(typeOf(type).kind); }

  // The variant of a oneOf for a value: text → the scalar one, list → the list one,
  // mapping → the group knowing most of its keys.
  function variantFor(variants, value) {
    if (value === undefined || value === null || typeof value === "string") {
      return variants.find((v) => isScalarType(v.type)) || variants[0];
    }
    if (Array.isArray(value)) return variants.find((v) => typeOf(v.type).kind === "list") || variants[0];
    let best = null, score = -1;
    for (const variant of variants) {
      const t = typeOf(variant.type);
      if (t.kind !== "group") continue;
      const keys = new Set(t.arg.map((f) => f.key));
      const known = Object.keys(value).filter((k) => keys.has(k)).length;
      if (known > score) { best = variant; score = known; }
    }
    return best || variants[0];
  }

  function emptyValue(type) {
    const t = typeOf(type);
    if (t.kind === "group") return {};
    if (t.kind === "list") return [];
    if (t.kind === "oneOf") return emptyValue(t.arg[0].type);
    return "";
  }

  // "dot_thi_dua[0].tu" from ["dot_thi_dua", 0, "tu"], as DataPath prints it.
  function pathText(path) {
    let text = "";
    for (const part of path) {
      if (typeof part === "number") text += "[" + part + "]";
      else text += (text ? "." : "") + part;
    }
    return text;
  }

  function get(path) {
    let value = form.tree;
    for (const part of path) {
      if (value === undefined || value === null || typeof value !== "object") return undefined;
      value = value[part];
    }
    return value;
  }

  // Sets the value at `path`, making the mappings on the way; an empty text removes the
  // key of a mapping (the file then has no blank keys the loader would refuse).
  function set(path, value) {
    let holder = form.tree;
    for (let index = 0; index < path.length - 1; index++) {
      const part = path[index];
      if (holder[part] === undefined || holder[part] === null || typeof holder[part] !== "object") {
        holder[part] = typeof path[index + 1] === "number" ? [] : {};
      }
      holder = holder[part];
    }
    const last = path[path.length - 1];
    if (value === "" && !Array.isArray(holder)) delete holder[last];
    else holder[last] = value;
  }

  function changed(rebuild) {
    if (rebuild) render();
    if (window.thiduaScheduleCheck) window.thiduaScheduleCheck();
  }

  // ---- Fields ----

  function fieldBlock(field, path) {
    const t = typeOf(field.type);
    if (t.kind === "group") return groupBlock(field.label, field.help, t.arg, path);
    if (t.kind === "list") return listBlock(field, t.arg, path);
    if (t.kind === "oneOf") return oneOfBlock(field.label, field.help, t.arg, path);
    return scalarBlock(field.label + (field.required ? " *" : ""), field.help, field.type, path);
  }

  function scalarBlock(label, help, type, path) {
    const t = typeOf(type);
    const wrap = node("div", null, "truong");
    const id = "f-" + pathText(path).replace(/[^A-Za-z0-9_]/g, "-");
    const caption = node("label", label);
    caption.htmlFor = id;
    wrap.append(caption);
    if (help) wrap.append(node("span", help, "giup"));
    let input;
    const current = get(path);
    const value = typeof current === "string" ? current : "";
    if (t.kind === "multiline") {
      input = node("textarea");
      input.rows = Math.min(8, Math.max(2, Math.ceil(value.length / 70)));
    } else if (t.kind === "choice" || t.kind === "boolean") {
      input = node("select");
      const options = t.kind === "boolean" ? [["", "(không ghi)"], ["true", "có"], ["false", "không"]]
        : [["", "(không ghi)"]].concat(t.arg.map((choice) => [choice, choice]));
      for (const [optionValue, optionLabel] of options) {
        const option = node("option", optionLabel);
        option.value = optionValue;
        input.append(option);
      }
    } else {
      input = node("input");
      input.type = "text";
      if (t.kind === "date") input.placeholder = "2025-02-20";
      if (t.kind === "number") input.inputMode = "numeric";
    }
    input.id = id;
    input.value = value;
    // Figure files: the folder's .csv and .xlsx offered as the clerk types (or uploads one);
    // a cited document's data file (`tep` of a reference, of the plan reported on): the
    // folder's data files.
    if (path.some((part) => figureKeys.has(part))) input.setAttribute("list", "tep-so-lieu-co");
    else if (path[path.length - 1] === "tep") input.setAttribute("list", "tep-du-lieu-co");
    input.dataset.path = pathText(path);
    input.addEventListener("input", () => { set(path, input.value); changed(false); });
    if (input.tagName === "SELECT") input.addEventListener("change", () => { set(path, input.value); changed(false); });
    // The kind decides the fields; a phase's start (or the date) decides the calendar's year.
    const last = path[path.length - 1];
    if (path.length === 1 && last === "loai") input.addEventListener("change", () => changeKind(input));
    else if (last === "tu" || (path.length === 1 && last === "ngay")) {
      input.addEventListener("change", () => { set(path, input.value); changed(true); });
    }
    wrap.dataset.path = pathText(path);
    wrap.append(input);
    return wrap;
  }

  function groupBlock(label, help, fields, path) {
    const box = node("fieldset");
    box.dataset.path = pathText(path);
    if (label) box.append(node("legend", label));
    if (help) box.append(node("span", help, "giup"));
    for (const field of fields) box.append(fieldBlock(field, path.concat([field.key])));
    return box;
  }

  function oneOfBlock(label, help, variants, path) {
    const value = get(path);
    const variant = variantFor(variants, value);
    const box = node("div", null, "truong");
    box.dataset.path = pathText(path);
    if (variants.length > 1) {
      const picker = node("select", null, "chon-dang");
      picker.title = "Cách ghi";
      for (const v of variants) {
        const option = node("option", v.label);
        option.value = v.name;
        picker.append(option);
      }
      picker.value = variant.name;
      picker.addEventListener("change", () => {
        const chosen = variants.find((v) => v.name === picker.value);
        set(path, emptyValue(chosen.type));
        changed(true);
      });
      if (label) box.append(node("label", label));
      box.append(picker);
    }
    const t = typeOf(variant.type);
    if (t.kind === "group") box.append(groupBlock(variants.length > 1 ? null : label, help, t.arg, path));
    else if (t.kind === "list") box.append(listBlock({ label: variants.length > 1 ? "" : label, help: help, key: "" }, t.arg, path));
    else box.append(scalarBlock(variants.length > 1 ? "" : label, variants.length > 1 ? "" : help, variant.type, path));
    return box;
  }

  function listBlock(field, itemType, path) {
    const box = node("fieldset");
    box.dataset.path = pathText(path);
    if (field.label) box.append(node("legend", field.label));
    if (field.help) box.append(node("span", field.help, "giup"));
    if (field.key === "ky_niem") box.append(commemorationPicker(path));
    const items = Array.isArray(get(path)) ? get(path) : [];
    items.forEach((item, index) => {
      const row = node("div", null, "muc-danh-sach");
      const buttons = node("div", null, "nut-muc");
      buttons.append(
        button("↑", "Lên trên", index === 0, () => move(path, index, -1)),
        button("↓", "Xuống dưới", index === items.length - 1, () => move(path, index, 1)),
        button("✕", "Xóa", false, () => { items.splice(index, 1); if (!items.length) set(path, ""); changed(true); }));
      row.append(buttons);
      const itemPath = path.concat([index]);
      const t = typeOf(itemType);
      if (t.kind === "group") row.append(groupBlock(null, null, t.arg, itemPath));
      else if (t.kind === "oneOf") row.append(oneOfBlock(null, null, t.arg, itemPath));
      else if (t.kind === "list") row.append(listBlock({ label: "", help: "", key: "" }, t.arg, itemPath));
      else row.append(scalarBlock("Mục " + (index + 1), "", itemType, itemPath));
      box.append(row);
    });
    const add = button("+ Thêm", "Thêm một mục vào " + (field.label || "danh sách"), false, () => {
      const list = Array.isArray(get(path)) ? get(path) : [];
      list.push(emptyValue(itemType));
      set(path, list);
      changed(true);
    });
    add.dataset.them = pathText(path);
    box.append(add);
    return box;
  }

  function button(text, title, disabled, action) {
    const made = node("button", text);
    made.type = "button";
    made.title = title;
    made.disabled = disabled;
    made.addEventListener("click", action);
    return made;
  }

  function move(path, index, step) {
    const items = get(path);
    const [item] = items.splice(index, 1);
    items.splice(index + step, 0, item);
    changed(true);
  }

  // The year's commemorations from the calendar (`/api/lich`), each a checkbox that adds its
  // code to the phase's `ky_niem` or removes it.
  function commemorationPicker(path) {
    const box = node("div", null, "chon-ky-niem");
    const phase = get(path.slice(0, -1)) || {};
    const from = typeof phase.tu === "string" ? phase.tu : "";
    const year = /^\d{4}/.test(from) ? from.slice(0, 4) : (typeof form.tree.ngay === "string" ? form.tree.ngay.slice(0, 4) : "");
    box.dataset.nam = year;
    if (!/^\d{4}$/.test(year)) {
      box.append(node("span", "Ghi “Từ” của đợt (hoặc ngày ban hành) để chọn các ngày kỷ niệm trong năm.", "giup"));
      return box;
    }
    box.append(node("span", "Chọn ngày kỷ niệm năm " + year + " (mã tự điền):", "giup"));
    const fill = (days) => {
      for (const day of days) {
        const label = node("label");
        const check = node("input");
        check.type = "checkbox";
        check.value = day.ma;
        const list = Array.isArray(get(path)) ? get(path) : [];
        check.checked = list.some((item) => item === day.ma);
        check.addEventListener("change", () => {
          const current = Array.isArray(get(path)) ? get(path) : [];
          if (check.checked) current.push(day.ma);
          else current.splice(current.indexOf(day.ma), 1);
          set(path, current.length ? current : "");
          changed(true);
        });
        const mark = day.loai === "nam_tron" ? " — năm tròn" : day.loai === "nam_le_5" ? " — năm lẻ 5" : "";
        label.append(check, document.createTextNode(" " + day.ngay + " " + day.ten + " (" + day.so_nam + " năm)" + mark));
        box.append(label);
      }
    };
    if (form.calendars[year]) fill(form.calendars[year]);
    else {
      fetch("/api/lich?nam=" + year, { credentials: "same-origin" }).then((r) => r.json()).then((days) => {
        form.calendars[year] = days;
        fill(days);
      });
    }
    return box;
  }

  // A new kind: the server drops the fields the new kind does not have (keeping the
  // header, references, sections, recipients and signature) and asks first when one of them
  // holds something; "Hủy" keeps the old kind and every field.
  async function changeKind(input) {
    const kind = input.value;
    const previous = form.kind;
    if (!kind || kind === previous) return;
    const result = await post("/api/doi-loai", { cay: form.tree, loai: kind, loai_cu: previous });
    if (!result.ok || (result.body.hoi && !window.confirm(result.body.hoi))) {
      set(["loai"], previous);
      input.value = previous;
      if (!result.ok) byId("trang-thai-luu").textContent = result.body.thong_diep || "Không đổi được loại văn bản.";
      return;
    }
    form.tree = result.body.cay;
    form.schema = result.body.luoc_do;
    form.kind = kind;
    render();
    changed(false);
    const dropped = result.body.bo.length ? "Đã bỏ " + result.body.bo.length + " phần loại mới không có." : "";
    byId("trang-thai-luu").textContent = ["Đã đổi loại văn bản, chưa lưu.", dropped].concat(result.body.ghi_chu).filter(Boolean).join(" ");
  }

  function render() {
    const root = byId("bieu-mau");
    root.replaceChildren();
    for (const field of form.schema) {
      const block = fieldBlock(field, [field.key]);
      root.append(block);
    }
  }

  async function post(path, value) {
    const response = await fetch(path, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-ThiDua-CSRF": window.thiduaCSRF() },
      body: JSON.stringify(value),
    });
    return { ok: response.ok, body: await response.json() };
  }

  window.ThiDuaForm = {
    get ready() { return form.ready; },
    get tree() { return form.tree; },
    get source() { return form.source; },
    get kind() { return form.kind; },

    // Reads the YAML text into the tree and builds the form; a text the form cannot hold
    // (a YAML syntax error) leaves the YAML tab in charge.
    async load(text) {
      const result = await post("/api/cay", { ten: byId("ten-tep").value.trim() || "moi.yaml", noi_dung: text });
      const root = byId("bieu-mau");
      if (!result.ok || !result.body.cay) {
        form.ready = false;
        root.replaceChildren(node("p", (result.body.thong_diep || "Tệp chưa đọc được thành biểu mẫu") + ": sửa ở thẻ “Tệp dữ liệu (YAML)”."));
        return;
      }
      form.tree = result.body.cay;
      form.source = text;
      form.kind = result.body.loai;
      form.schema = result.body.luoc_do;
      form.ready = true;
      render();
    },

    // Each diagnostic under the field it concerns (its `truong`, or the nearest parent
    // field the form shows).
    showDiagnostics(found) {
      const root = byId("bieu-mau");
      for (const old of root.querySelectorAll(".loi-truong")) old.remove();
      for (const marked of root.querySelectorAll(".co-loi")) marked.classList.remove("co-loi");
      for (const item of found) {
        if (!item.truong) continue;
        let target = null;
        let path = item.truong;
        while (path && !target) {
          target = root.querySelector('[data-path="' + CSS.escape(path) + '"]');
          if (target && target.tagName !== "DIV" && target.tagName !== "FIELDSET") target = target.parentElement;
          if (!target) {
            const cut = Math.max(path.lastIndexOf("."), path.lastIndexOf("["));
            path = cut > 0 ? path.slice(0, cut) : "";
          }
        }
        if (!target) continue;
        target.classList.add("co-loi");
        const note = node("div", item.thong_diep + (item.goi_y ? " — " + item.goi_y : ""), "loi-truong" + (item.muc === "lỗi" ? "" : " canh-bao"));
        note.dataset.path = item.truong;
        target.append(note);
      }
    },
  };
})();
