// `wks-logoff completion bash|zsh|fish`: a completion script made from commander's own definitions of the commands
// and their options (nothing listed by hand, so it never falls behind): subcommands, flags, file names after flags
// that take a file, region names after --region.

import { Argument, type CommandUnknownOpts as Command } from '@commander-js/extra-typings';
import { REGIONS } from '@wks-logoff/core';
import type { Io } from '../io.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

interface Flag {
  short: string | undefined;
  long: string | undefined;
  description: string;
  /** What follows it: nothing, a file, a value from a list, or a free value. */
  takes: 'nothing' | 'file' | 'free' | readonly string[];
}

interface Subcommand {
  name: string;
  description: string;
  flags: Flag[];
  /** Values of its first argument, when it has a list. */
  values: readonly string[] | undefined;
}

function flagsOf(command: Command): Flag[] {
  return command
    .createHelp()
    .visibleOptions(command)
    .map((option) => ({
      short: option.short,
      long: option.long,
      description: option.description,
      takes:
        !option.required && !option.optional
          ? 'nothing'
          : (option.argChoices ??
            (/<(path|file)>/.test(option.flags)
              ? 'file'
              : option.attributeName() === 'region'
                ? REGIONS
                : 'free')),
    }));
}

function modelOf(program: Command) {
  const subcommands: Subcommand[] = program
    .createHelp()
    .visibleCommands(program)
    .map((command) => ({
      name: command.name(),
      description: command.description(),
      flags: flagsOf(command),
      values:
        command.name() === 'help'
          ? program.commands.map((c) => c.name())
          : command.registeredArguments[0]?.argChoices,
    }));
  return { name: program.name(), flags: flagsOf(program), subcommands };
}

const names = (flag: Flag) => [flag.short, flag.long].filter((name): name is string => Boolean(name));

function bash(program: Command): string {
  const model = modelOf(program);
  const fn = `_${model.name.replace(/\W/g, '_')}`;
  const words = (list: readonly string[]) => list.join(' ');
  const cases = model.subcommands.map((command) => {
    // After a flag that takes a list, its values; after one that takes a file or any value, nothing of ours
    // (`-o default` offers file names).
    const listed = command.flags
      .filter((flag) => Array.isArray(flag.takes))
      .map(
        (flag) =>
          `        ${names(flag).join('|')}) COMPREPLY=($(compgen -W "${words(flag.takes as readonly string[])}" -- "$cur")); return ;;`,
      );
    const open = command.flags
      .filter((flag) => flag.takes === 'file' || flag.takes === 'free')
      .flatMap(names);
    const byValue = [
      ...listed,
      ...(open.length > 0 ? [`        ${open.join('|')}) COMPREPLY=(); return ;;`] : []),
    ];
    const offered = [...command.flags.flatMap(names), ...(command.values ?? [])];
    return [
      `    ${command.name})`,
      ...(byValue.length > 0 ? ['      case "$prev" in', ...byValue, '      esac'] : []),
      `      COMPREPLY=($(compgen -W "${words(offered)}" -- "$cur")) ;;`,
    ].join('\n');
  });
  const top = [...model.subcommands.map((command) => command.name), ...model.flags.flatMap(names)];
  return `# ${model.name} completion for bash. Load it with: source <(${model.name} completion bash)
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" command="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      -*) ;;
      *) command="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$command" in
${cases.join('\n')}
    *) COMPREPLY=($(compgen -W "${words(top)}" -- "$cur")) ;;
  esac
}
complete -o default -F ${fn} ${model.name}
`;
}

function zshQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

function zshFlag(flag: Flag): string {
  const described = `[${flag.description.replace(/[[\]]/g, '\\$&')}]`;
  const value =
    flag.takes === 'nothing'
      ? ''
      : flag.takes === 'file'
        ? ':file:_files'
        : flag.takes === 'free'
          ? ':value: '
          : `:value:(${(flag.takes as readonly string[]).join(' ')})`;
  const all = names(flag);
  const spec = `${described}${value}`;
  return all.length > 1
    ? `'(${all.join(' ')})'{${all.join(',')}}${zshQuote(spec)}`
    : zshQuote(`${all[0]}${spec}`);
}

function zsh(program: Command): string {
  const model = modelOf(program);
  const fn = `_${model.name.replace(/\W/g, '_')}`;
  const commands = model.subcommands.map(
    (command) => `    ${zshQuote(`${command.name}:${command.description.replaceAll(':', '\\:')}`)}`,
  );
  const cases = model.subcommands.map((command) => {
    const rest = command.values
      ? [`${zshQuote(`1:value:(${command.values.join(' ')})`)}`]
      : ["'*:argument: '"];
    return `        ${command.name})\n          _arguments -s ${[...command.flags.map(zshFlag), ...rest].join(' \\\n            ')} ;;`;
  });
  return `#compdef ${model.name}
# ${model.name} completion for zsh. Load it with: source <(${model.name} completion zsh), or save it as _${model.name} in
# a directory of $fpath.
${fn}() {
  local -a commands
  commands=(
${commands.join('\n')}
  )
  local state line
  _arguments -C ${model.flags.map(zshFlag).join(' ')} '1: :->command' '*:: :->argument'
  case $state in
    command) _describe -t commands '${model.name} command' commands ;;
    argument)
      case $line[1] in
${cases.join('\n')}
      esac ;;
  esac
}
if [ "$funcstack[1]" = "${fn}" ]; then
  ${fn} "$@"
else
  compdef ${fn} ${model.name}
fi
`;
}

function fishQuote(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&')}'`;
}

function fishFlag(prefix: string, flag: Flag): string {
  const parts = [prefix];
  if (flag.short) {
    parts.push(`-s ${flag.short.replace(/^-/, '')}`);
  }
  if (flag.long) {
    parts.push(`-l ${flag.long.replace(/^--/, '')}`);
  }
  if (flag.takes === 'file') {
    parts.push('-r -F');
  } else if (flag.takes === 'free') {
    parts.push('-x');
  } else if (flag.takes !== 'nothing') {
    parts.push(`-x -a ${fishQuote((flag.takes as readonly string[]).join(' '))}`);
  }
  parts.push(`-d ${fishQuote(flag.description)}`);
  return parts.join(' ');
}

function fish(program: Command): string {
  const model = modelOf(program);
  const at = (condition: string) => `complete -c ${model.name} -n ${fishQuote(condition)}`;
  const lines = [
    `# ${model.name} completion for fish. Load it with: ${model.name} completion fish | source`,
    `complete -c ${model.name} -f`,
    ...model.flags.map((flag) => fishFlag(at('__fish_use_subcommand'), flag)),
  ];
  for (const command of model.subcommands) {
    lines.push(`${at('__fish_use_subcommand')} -a ${command.name} -d ${fishQuote(command.description)}`);
    const inside = at(`__fish_seen_subcommand_from ${command.name}`);
    lines.push(...command.flags.map((flag) => fishFlag(inside, flag)));
    if (command.values) {
      lines.push(`${inside} -a ${fishQuote(command.values.join(' '))}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function completionScript(program: Command, shell: Shell): string {
  return { bash, zsh, fish }[shell](program);
}

export function completionCommand(program: Command, io: Io): void {
  program
    .command('completion')
    .description('print a completion script for bash, zsh or fish')
    .addArgument(new Argument('<shell>', SHELLS.join(', ')).choices(SHELLS))
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ source <(wks-logoff completion bash)     # e.g. in ~/.bashrc',
        '  $ source <(wks-logoff completion zsh)      # e.g. in ~/.zshrc, after compinit',
        '  $ wks-logoff completion fish > ~/.config/fish/completions/wks-logoff.fish',
      ].join('\n'),
    )
    .action((shell: Shell) => {
      io.stdout.write(completionScript(program, shell));
    });
}
