/** The multipart body of a one-file upload (`file`), keeping the file's own name. */
export function fileForm(body: { file: Blob }): FormData {
  const form = new FormData();
  form.append('file', body.file, body.file instanceof File ? body.file.name : 'file');
  return form;
}
