/** Shown instead of the softphone when the build's configuration is unusable. */
export function ConfigProblems({ problems }: { problems: string[] }) {
  return (
    <main className="mx-auto mt-16 max-w-lg rounded-2xl bg-white p-6 shadow-sm ring-1 ring-rose-200">
      <h1 className="text-lg font-semibold text-slate-900">The softphone is not configured</h1>
      <div role="alert">
        <p className="mt-2 text-sm text-slate-700">Fix these settings in the environment (see README, “Live mode”) and rebuild:</p>
        <ul className="mt-2 list-disc pl-5 text-sm text-rose-800">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </div>
    </main>
  );
}
