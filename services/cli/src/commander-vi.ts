import { Help, type Argument, type Command, type Option } from 'commander';

/** commander's own messages and help headings, in Vietnamese: staff read them on the terminal. */
const errors: Array<[RegExp, string]> = [
  [/^error: unknown command '(.*?)'/, "Lỗi: không có lệnh '$1'"],
  [/^error: unknown option '(.*?)'/, "Lỗi: không có tùy chọn '$1'"],
  [/^error: missing required argument '(.*?)'/, "Lỗi: thiếu tham số bắt buộc '$1'"],
  [/^error: option '(.*?)' argument missing/, "Lỗi: tùy chọn '$1' thiếu giá trị"],
  [/^error: required option '(.*?)' not specified/, "Lỗi: thiếu tùy chọn bắt buộc '$1'"],
  [/^error: option '(.*?)' argument '(.*?)' is invalid\./, "Lỗi: giá trị '$2' của tùy chọn '$1' không hợp lệ."],
  [/^error: too many arguments(?: for '(.*?)')?\. Expected (\d+) arguments? but got (\d+)\./, 'Lỗi: thừa tham số: lệnh nhận $2 tham số nhưng được $3.'],
  [/^error: (.*?) cannot be used with (.*)/, 'Lỗi: $1 không dùng cùng với $2'],
  [/\(Did you mean one of (.*?)\?\)/, '(Có phải ý bạn là một trong: $1?)'],
  [/\(Did you mean (.*?)\?\)/, '(Có phải ý bạn là $1?)'],
];
const titles: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Options:': 'Tùy chọn:',
  'Arguments:': 'Tham số:',
  'Commands:': 'Lệnh:',
  'Global Options:': 'Tùy chọn chung:',
};

export const translateCommanderError = (message: string): string => errors.reduce((m, [re, vi]) => m.replace(re, vi), message);

/** Set before the subcommands are added: they inherit it. */
export function speakVietnamese(program: Command): Command {
  return program
    .helpOption('-h, --help', 'xem hướng dẫn này')
    .helpCommand('help [lệnh]', 'xem hướng dẫn của một lệnh')
    .configureHelp({
      styleTitle: (title) => titles[title] ?? title,
      // translated before commander measures the column: "[tùy chọn]" is one character longer than "[options]"
      subcommandTerm(this: Help, cmd: Command) {
        return localize(Help.prototype.subcommandTerm.call(this, cmd));
      },
      commandUsage(this: Help, cmd: Command) {
        return localize(Help.prototype.commandUsage.call(this, cmd));
      },
      // before commander wraps the line, so "(default:" never sits at a line end out of reach
      optionDescription(this: Help, option: Option) {
        return extras(Help.prototype.optionDescription.call(this, option));
      },
      argumentDescription(this: Help, argument: Argument) {
        return extras(Help.prototype.argumentDescription.call(this, argument));
      },
    })
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(translateCommanderError(s)),
    });
}

/** The notes commander adds after a description: "(default: …)", "(choices: …)". */
const extras = (description: string): string =>
  description.replace(/\(default: /g, '(mặc định: ').replace(/\(choices: /g, '(chọn một trong: ').replace(/\(preset: /g, '(khi không ghi giá trị: ').replace(/\(env: /g, '(biến môi trường: ');
const localize = (help: string): string => help.replace(/\[options\]/g, '[tùy chọn]').replace(/\[command\]/g, '[lệnh]');
