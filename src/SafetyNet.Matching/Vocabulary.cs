using System.Runtime.InteropServices;

namespace SafetyNet.Matching;

/// <summary>
/// Interns the words of one kind (names, postcodes, address words) so records hold small integers, equality is an
/// integer compare, and how often each word occurs (for term-frequency weights) is kept beside it. Id 0 means absent.
/// </summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private string[] _words = [""];
    private int[] _counts = [0];
    private int _count = 1;

    public int Count => _count;

    public string this[int id] => _words[id];

    public int Occurrences(int id) => _counts[id];

    /// <summary>The id of a word, adding it when new, and counting this occurrence when asked to.</summary>
    public int Intern(string word, bool count = true)
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, word, out var exists);
        if (!exists)
        {
            if (_count == _words.Length)
            {
                Array.Resize(ref _words, _count * 2);
                Array.Resize(ref _counts, _count * 2);
            }
            id = _count++;
            _words[id] = word;
        }
        if (count)
        {
            _counts[id]++;
        }
        return id;
    }

    public int Find(string word) => _ids.TryGetValue(word, out var id) ? id : 0;
}
