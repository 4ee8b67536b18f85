/** The help text of `mmdma`. */
export const USAGE = `Usage: mmdma bundle <command> [options]
       mmdma report <bundle> --format html|md|docx|csv -o <file> [--lang en|hy|ru]   (mmdma report --help)

Commands:
  inspect <bundle>                      manifest and counts (verifies the bundle first)
  verify <bundle>                       every check an import makes; exit 0 when it passes
  merge <a> <b> [...] -o <out>          one bundle with the union of the inputs (newest value per field)
  decrypt <bundle> -o <out>             the same bundle without encryption (handle it with care)
  export <bundle> --format csv|json [--only ratings|evidence] [-o <file>]
                                        ratings and evidence for spreadsheets

Options:
  --passphrase-file <file>   passphrase of encrypted bundles (or set MMDMA_PASSPHRASE)
  -o, --output <file>        where to write (merge, decrypt, export)
  --force                    replace an existing output file
  --encrypt                  merge: encrypt the output with the passphrase
  --no-attachments           merge: leave attachments out
  --as <name>                merge: who made the merged bundle (shown to importers)
  --json                     inspect, verify: machine-readable output
  -h, --help                 this text

Exit codes: 0 ok, 1 bundle refused, 2 usage, 3 passphrase missing or wrong, 4 file error, 5 cannot merge.
`;
