/** Input merge cannot use: the CLI prints `file: problem` and exits 2. */
export class MergeInputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string
  ) {
    super(`${file}: ${problem}`)
    this.name = 'MergeInputError'
  }
}
