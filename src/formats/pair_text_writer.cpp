#include "formats/pair_text_writer.h"

#include <cerrno>
#include <cstring>

namespace sverka::formats {

std::string FlattenLine(std::string_view text, bool* changed) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') {
      c = ' ';
      if (changed) *changed = true;
    }
  }
  return out;
}

Result<std::unique_ptr<PairTextWriter>> PairTextWriter::Create(
    PairTextFormat format, const std::string& path, const std::string& ru_code,
    const std::string& en_code, const std::vector<std::string>& inputs) {
  std::unique_ptr<PairTextWriter> w(new PairTextWriter());
  w->format_ = format;
  if (format == PairTextFormat::kTsv) {
    w->paths_ = {path};
  } else {
    w->paths_ = {path + "." + ru_code, path + "." + en_code};
  }
  for (const std::string& p : w->paths_) SVERKA_RETURN_IF_ERROR(CheckOutputPath(p, inputs));
  for (const std::string& p : w->paths_) {
    SVERKA_ASSIGN_OR_RETURN(std::unique_ptr<OutputFile> f, OutputFile::Create(p, inputs));
    w->files_.push_back(std::move(f));
  }
  return w;
}

PairTextWriter::~PairTextWriter() = default;

Status PairTextWriter::Write(size_t file, std::string_view text) {
  return files_[file]->Write(text);
}

Status PairTextWriter::Add(std::string_view ru, std::string_view en) {
  bool changed = false;
  std::string r = FlattenLine(ru, &changed);
  std::string e = FlattenLine(en, &changed);
  if (changed) ++flattened_;
  if (format_ == PairTextFormat::kTsv) {
    SVERKA_RETURN_IF_ERROR(Write(0, r + "\t" + e + "\n"));
  } else {
    SVERKA_RETURN_IF_ERROR(Write(0, r + "\n"));
    SVERKA_RETURN_IF_ERROR(Write(1, e + "\n"));
  }
  ++units_;
  return Status::Ok();
}

Status PairTextWriter::Commit() {
  // Both closed and synced before either is renamed: a failure then leaves neither.
  for (auto& f : files_) SVERKA_RETURN_IF_ERROR(f->CloseStream());
  for (auto& f : files_) SVERKA_RETURN_IF_ERROR(f->Commit());
  return Status::Ok();
}

}  // namespace sverka::formats
