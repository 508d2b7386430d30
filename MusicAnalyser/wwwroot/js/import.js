// Shows the upload's progress while htmx sends the files.
(function () {
    const form = document.getElementById("upload-form");
    const bar = document.getElementById("upload-progress");
    if (!form || !bar) return;
    form.addEventListener("htmx:xhr:progress", function (event) {
        if (!event.detail.lengthComputable) return;
        bar.hidden = false;
        bar.value = Math.round(event.detail.loaded / event.detail.total * 100);
    });
    form.addEventListener("htmx:afterRequest", function () { bar.hidden = true; bar.value = 0; });
})();
