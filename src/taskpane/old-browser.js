// ES5 on purpose: an Excel whose built-in browser is too old for the add-in (Internet
// Explorer, the old Edge) cannot even parse the bundle, and the pane would say
// "Đang mở…" for ever. Promise.allSettled and globalThis arrived with ES2020.
(function () {
  var ok =
    typeof Promise !== "undefined" &&
    typeof Promise.allSettled === "function" &&
    typeof globalThis !== "undefined" &&
    typeof "".normalize === "function";
  if (ok) return;
  var app = document.getElementById("app");
  if (app)
    app.innerHTML =
      '<p class="status" role="alert" style="padding: 0 12px">Excel này dùng trình duyệt nhúng quá cũ nên không chạy được bổ trợ Sổ chuyên đề. Hãy dùng Microsoft 365, Excel 2021 trở lên, hoặc Excel trên web (trên Windows cần cài Microsoft Edge WebView2).</p>';
})();
