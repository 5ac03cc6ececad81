// The form editor (Biểu mẫu) is added with the schema of the data files.
